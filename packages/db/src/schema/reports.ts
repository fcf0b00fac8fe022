import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * Roll-ups behind the reports (issue 15). How they are kept: the raw rows stay the truth, and a
 * tenant's roll-up rows are recomputed from them as a whole (packages/db/src/reports.ts,
 * `refreshTenantReports`) by the domain's rules. Triggers on the counted tables (migration 0020)
 * mark the tenant dirty in the same transaction as the change, so no write handler needs to know
 * about reports; the minute cron recomputes dirty tenants, and a report can ask for a refresh on
 * demand. Each tenant's `computed_at` is the freshness shown beside its figures.
 */

/** Each LKS with its coverage category as of the tenant's last refresh: the counts and the lists behind them. */
export const reportLks = sqliteTable(
  "report_lks",
  {
    lksId: text("lks_id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    name: text("name").notNull(),
    /** The kab/kota of the LKS's address, and its province. */
    regionCode: text("region_code").notNull(),
    provinceCode: text("province_code").notNull(),
    /** The main type (the by-type roll-up counts each LKS once). */
    lksType: text("lks_type").notNull(),
    category: text("category").notNull(),
  },
  (t) => [
    index("report_lks_area_idx").on(t.provinceCode, t.regionCode, t.lksType, t.category),
    index("report_lks_category_idx").on(t.category, t.provinceCode, t.name, t.lksId),
    index("report_lks_tenant_idx").on(t.tenantId),
    // The list behind a figure is read by name: one index range per page, not a sort of the whole
    // category nationally (never applied: thousands of rows) or of a whole province.
    index("report_lks_category_name_idx").on(t.category, t.name, t.lksId),
    index("report_lks_province_name_idx").on(t.provinceCode, t.name, t.lksId),
  ],
);

/**
 * The counts of `report_lks` per area, LKS type and category, rewritten in the same batch as the
 * rows they count (for every province a refresh touched), so the national dashboard reads a few
 * thousand rows at most instead of counting 25,000 LKS on every read. `level` is `regency` (one
 * kab/kota, `area_code` its code) or `province` (`area_code` = `province_code`). Kept per area, not
 * per tenant: a province's figure is one set of rows however many tenants record LKS in it, and a
 * recount from `report_lks` cannot drift from the rows it counts.
 */
export const reportCounts = sqliteTable(
  "report_counts",
  {
    level: text("level").notNull(),
    areaCode: text("area_code").notNull(),
    provinceCode: text("province_code").notNull(),
    lksType: text("lks_type").notNull(),
    category: text("category").notNull(),
    n: integer("n").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.level, t.areaCode, t.lksType, t.category] }),
    // A province's kab/kota rows in one range; the recount deletes by province too.
    index("report_counts_province_idx").on(t.provinceCode, t.level, t.areaCode, t.lksType, t.category, t.n),
  ],
);

/** Counts per tenant and month of what the pipeline and asesor reports chart over time. */
export const reportMonthly = sqliteTable(
  "report_monthly",
  {
    tenantId: text("tenant_id").notNull(),
    month: text("month").notNull(),
    /** accredited | not_accredited | returned | visit */
    measure: text("measure").notNull(),
    count: integer("count").notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.month, t.measure] }), index("report_monthly_month_idx").on(t.month)],
);

/** Per tenant: when its roll-ups were last computed, and since when they are out of date (null: current). */
export const reportState = sqliteTable("report_state", {
  tenantId: text("tenant_id").primaryKey(),
  computedAt: text("computed_at"),
  dirtySince: text("dirty_since"),
});
