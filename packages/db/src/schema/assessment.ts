import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { applications } from "./applications.ts";
import { createdAt } from "./columns.ts";
import { users } from "./identity.ts";
import { lks } from "./registry.ts";
import { tenants } from "./tenancy.ts";

/**
 * An asesor in BALKS's national registry (issue 13). National data: no tenant. The person signs
 * in as the user with this email (`user_id` once known); the registry row carries what BALKS needs
 * to staff a visit: where they live (distance, the same-kab/kota rule), the LKS types they may
 * assess, and their qualifications.
 */
export const asesors = sqliteTable(
  "asesors",
  {
    id: text("id").primaryKey(),
    userId: text("user_id").references(() => users.id),
    /** Normalised (lower case): how an invited person is matched to the registry row. */
    email: text("email").notNull().unique(),
    name: text("name").notNull(),
    phone: text("phone"),
    provinceCode: text("province_code").notNull(),
    kabKotaCode: text("kab_kota_code").notNull(),
    background: text("background", { enum: ["academic", "practitioner", "trainer"] }).notNull(),
    lksTypes: text("lks_types", { mode: "json" }).$type<string[]>().notNull(),
    /** Certificates and trainings with their dates (YYYY-MM-DD). */
    qualifications: text("qualifications", { mode: "json" }).$type<{ name: string; date: string }[]>().notNull(),
    active: integer("active", { mode: "boolean" }).notNull(),
    version: integer("version").notNull(),
    createdAt: createdAt(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [index("asesors_name_idx").on(t.name, t.id), index("asesors_user_idx").on(t.userId)],
);

/** A tie an asesor declared (conflicts of interest): with an LKS or an organisation/foundation, from/to. */
export const asesorAffiliations = sqliteTable(
  "asesor_affiliations",
  {
    id: text("id").primaryKey(),
    asesorId: text("asesor_id")
      .notNull()
      .references(() => asesors.id),
    kind: text("kind", { enum: ["organisation", "foundation", "lks", "employment", "family"] }).notNull(),
    lksId: text("lks_id").references(() => lks.id),
    organisation: text("organisation"),
    from: text("from_date").notNull(),
    to: text("to_date"),
    createdAt: createdAt(),
  },
  (t) => [index("asesor_affiliations_asesor_idx").on(t.asesorId)],
);

/**
 * An asesor invited onto an application's team. Tenant-owned (the application's tenant) so the
 * application's rows stay together; reached nationally by BALKS and by the asesor themself. A
 * declined invitation stays (its reason is shown) and BALKS invites someone else; the declaration
 * the asesor signed on accepting is kept word for word.
 */
export const assessmentAssignments = sqliteTable(
  "assessment_assignments",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id),
    applicationId: text("application_id")
      .notNull()
      .references(() => applications.id),
    asesorId: text("asesor_id")
      .notNull()
      .references(() => asesors.id),
    role: text("role", { enum: ["lead", "member"] }).notNull(),
    status: text("status", { enum: ["invited", "accepted", "declined"] }).notNull(),
    declineReason: text("decline_reason"),
    /** The numbered statements signed, as shown (Bahasa Indonesia and English). */
    declaration: text("declaration", { mode: "json" }).$type<{ id: string; en: string }[]>(),
    declaredAt: text("declared_at"),
    assignedBy: text("assigned_by")
      .notNull()
      .references(() => users.id),
    assignedAt: text("assigned_at").notNull(),
    respondedAt: text("responded_at"),
  },
  (t) => [
    uniqueIndex("assessment_assignments_app_asesor_idx").on(t.applicationId, t.asesorId),
    index("assessment_assignments_asesor_idx").on(t.asesorId, t.status),
    index("assessment_assignments_tenant_idx").on(t.tenantId),
  ],
);
