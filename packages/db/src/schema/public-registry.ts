import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * The public registry (issue 14): one row per LKS that has or had a certificate, holding its
 * standing certificate as printed (the latest one not revoked; the latest revoked one when all
 * are) and the hold on it (none, suspended, revoked). Kept by triggers on `certificates` and
 * `certificate_events` (migration 0022) in the same transaction as the change, so no handler has
 * to remember it; the status by date (active, expiring, expired) is not stored but computed at
 * query time from `valid_until` against the domain's day bounds, so it never goes stale overnight.
 */
export const publicRegistry = sqliteTable(
  "public_registry",
  {
    lksId: text("lks_id").primaryKey(),
    certificateId: text("certificate_id").notNull(),
    number: text("number").notNull(),
    name: text("name").notNull(),
    /** lower(name): what name search and the order use (SQLite's lower folds ASCII, as LIKE does). */
    nameKey: text("name_key").notNull(),
    provinceCode: text("province_code").notNull(),
    provinceName: text("province_name").notNull(),
    kabKotaCode: text("kab_kota_code").notNull(),
    kabKotaName: text("kab_kota_name").notNull(),
    lksTypes: text("lks_types", { mode: "json" }).$type<string[]>().notNull(),
    grade: text("grade").notNull(),
    validFrom: text("valid_from").notNull(),
    validUntil: text("valid_until").notNull(),
    /** none | suspended | revoked */
    hold: text("hold").notNull(),
    holdSince: text("hold_since"),
    holdReason: text("hold_reason"),
    certificates: integer("certificates").notNull(),
  },
  (t) => [
    index("public_registry_name_idx").on(t.nameKey, t.lksId),
    index("public_registry_province_idx").on(t.provinceCode, t.grade, t.nameKey, t.lksId),
    index("public_registry_kab_kota_idx").on(t.kabKotaCode, t.nameKey, t.lksId),
  ],
);

/** One row (`id` = 1): bumped by the same triggers, it names the registry's edge-cache generation and the time of the data. */
export const publicRegistryState = sqliteTable("public_registry_state", {
  id: integer("id").primaryKey(),
  version: integer("version").notNull(),
  changedAt: text("changed_at").notNull(),
});
