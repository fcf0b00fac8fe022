import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { createdAt } from "./columns.ts";
import { users } from "./identity.ts";
import { regions, tenants } from "./tenancy.ts";

/**
 * Social welfare institutions. The whole profile is one validated JSON document (`profile`);
 * the columns beside it repeat the parts the registry filters and sorts on.
 */
export const lks = sqliteTable(
  "lks",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id),
    name: text("name").notNull(),
    types: text("types", { mode: "json" }).$type<string[]>().notNull(),
    /** Community LKS or a government unit (issue 17); repeated from the profile for filters and counts. */
    ownership: text("ownership", {
      enum: ["community", "provincial_government", "regency_government", "central_government"],
    })
      .notNull()
      .default("community"),
    institutionKind: text("institution_kind", {
      enum: ["lks", "panti_pemerintah", "uptd", "lbk", "uils", "sentra_balai"],
    })
      .notNull()
      .default("lks"),
    serviceMode: text("service_mode", { enum: ["dalam_panti", "luar_panti", "keduanya"] }).notNull(),
    status: text("status", { enum: ["pending_verification", "registered", "returned", "inactive"] }).notNull(),
    /** The kab/kota of the address. */
    regionCode: text("region_code")
      .notNull()
      .references(() => regions.code),
    districtCode: text("district_code").notNull(),
    tandaDaftarExpiresOn: text("tanda_daftar_expires_on"),
    izinExpiresOn: text("izin_expires_on"),
    profile: text("profile", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    returnComments: text("return_comments", { mode: "json" }).$type<{ field: string; message: string }[]>().notNull(),
    /** Optimistic concurrency: every change increments it; an edit based on an older one is refused. */
    version: integer("version").notNull(),
    createdAt: createdAt(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [
    index("lks_tenant_name_idx").on(t.tenantId, t.name, t.id),
    index("lks_tenant_district_idx").on(t.tenantId, t.districtCode),
    index("lks_tenant_ownership_idx").on(t.tenantId, t.ownership),
    index("lks_tanda_daftar_expiry_idx").on(t.tandaDaftarExpiresOn),
    index("lks_izin_expiry_idx").on(t.izinExpiresOn),
  ],
);

/** Every change to an LKS profile, field by field (who, when, old → new). Append-only. */
export const lksHistory = sqliteTable(
  "lks_history",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    lksId: text("lks_id")
      .notNull()
      .references(() => lks.id),
    field: text("field").notNull(),
    oldValue: text("old_value", { mode: "json" }),
    newValue: text("new_value", { mode: "json" }),
    changedBy: text("changed_by").references(() => users.id),
    note: text("note"),
    changedAt: text("changed_at").notNull(),
  },
  (t) => [index("lks_history_lks_idx").on(t.lksId, t.changedAt)],
);

/** Expiry reminders already sent, so each threshold is announced once per document. */
export const lksReminders = sqliteTable(
  "lks_reminders",
  {
    lksId: text("lks_id")
      .notNull()
      .references(() => lks.id),
    document: text("document", { enum: ["tanda_daftar", "izin_operasional"] }).notNull(),
    expiresOn: text("expires_on").notNull(),
    thresholdDays: integer("threshold_days").notNull(),
    sentAt: text("sent_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.lksId, t.document, t.expiresOn, t.thresholdDays] })],
);
