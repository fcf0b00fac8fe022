import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt } from "./columns.ts";
import { users } from "./identity.ts";

/** Indonesia's provinces and kabupaten/kota (Kemendagri codes), loaded from idn-area-data by a migration. */
export const regions = sqliteTable(
  "regions",
  {
    code: text("code").primaryKey(),
    name: text("name").notNull(),
    kind: text("kind", { enum: ["province", "regency", "city"] }).notNull(),
    provinceCode: text("province_code"),
    slug: text("slug").notNull().unique(),
  },
  (t) => [index("regions_province_idx").on(t.provinceCode)],
);

/** A Dinsos that has signed up. One tenant per region at most. */
export const tenants = sqliteTable(
  "tenants",
  {
    id: text("id").primaryKey(),
    regionCode: text("region_code")
      .notNull()
      .unique()
      .references(() => regions.code),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    level: text("level", { enum: ["province", "kabkota"] }).notNull(),
    parentId: text("parent_id"),
    status: text("status", { enum: ["active", "deactivated"] }).notNull(),
    /** Which D1 database holds this tenant's rows; 0 is the shared one. */
    shard: integer("shard").notNull().default(0),
    address: text("address"),
    phone: text("phone"),
    email: text("email"),
    contactName: text("contact_name"),
    /** R2 key of the (small, browser-resized) logo. */
    logoKey: text("logo_key"),
    /** When an admin said the workflow and checklist were reviewed (or published/saved one): setup list. */
    workflowReviewedAt: text("workflow_reviewed_at"),
    /** When an admin hid the setup list before finishing it. */
    setupDismissedAt: text("setup_dismissed_at"),
    createdAt: createdAt(),
  },
  (t) => [index("tenants_parent_idx").on(t.parentId)],
);

/** A Dinsos asking to join; a platform admin approves (creating the tenant) or rejects it. */
export const tenantSignups = sqliteTable(
  "tenant_signups",
  {
    id: text("id").primaryKey(),
    regionCode: text("region_code")
      .notNull()
      .references(() => regions.code),
    officeName: text("office_name").notNull(),
    officialEmail: text("official_email").notNull(),
    contactName: text("contact_name").notNull(),
    contactPhone: text("contact_phone").notNull(),
    status: text("status", { enum: ["pending", "approved", "rejected"] }).notNull(),
    /** SHA-256 of the token the applicant uses to attach its letter later. */
    attachTokenHash: text("attach_token_hash").notNull(),
    letterKey: text("letter_key"),
    letterFilename: text("letter_filename"),
    letterSize: integer("letter_size"),
    rejectReason: text("reject_reason"),
    reviewedBy: text("reviewed_by").references(() => users.id),
    reviewedAt: text("reviewed_at"),
    tenantId: text("tenant_id").references(() => tenants.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("tenant_signups_status_idx").on(t.status, t.createdAt),
    // At most one open sign-up per region.
    uniqueIndex("tenant_signups_pending_region").on(t.regionCode).where(sql`status = 'pending'`),
  ],
);

/** Kecamatan (districts) and kelurahan/desa (villages), loaded from idn-area-data by a migration. */
export const areas = sqliteTable(
  "areas",
  {
    code: text("code").primaryKey(),
    name: text("name").notNull(),
    level: text("level", { enum: ["district", "village"] }).notNull(),
    parentCode: text("parent_code").notNull(),
  },
  (t) => [index("areas_parent_idx").on(t.parentCode, t.name)],
);
