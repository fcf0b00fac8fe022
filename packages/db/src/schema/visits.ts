import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { applications } from "./applications.ts";
import { createdAt } from "./columns.ts";
import { users } from "./identity.ts";
import { tenants } from "./tenancy.ts";

/**
 * A visit plan (issue 13): BALKS sends one asesor team along a route of one or more LKS, possibly
 * in several tenants, each on its own date. National data (a route crosses tenants); its stops
 * carry the tenant of their application. `starts_on`/`ends_on` mirror the stops' first and last
 * dates so a list by date range is one index range, not a scan of every stop.
 */
export const visitPlans = sqliteTable(
  "visit_plans",
  {
    id: text("id").primaryKey(),
    status: text("status", { enum: ["active", "cancelled"] }).notNull(),
    notes: text("notes"),
    /** Jakarta days (YYYY-MM-DD) of the first and the last stop. */
    startsOn: text("starts_on").notNull(),
    endsOn: text("ends_on").notNull(),
    cancelReason: text("cancel_reason"),
    version: integer("version").notNull(),
    createdBy: text("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [index("visit_plans_starts_idx").on(t.status, t.startsOn, t.id)],
);

/**
 * One LKS on a route: its application and the day of the visit. `active` follows the plan's status
 * so that the partial unique index keeps an application in at most one active plan even when two
 * secretaries plan it at once.
 */
export const visitPlanStops = sqliteTable(
  "visit_plan_stops",
  {
    planId: text("plan_id")
      .notNull()
      .references(() => visitPlans.id),
    applicationId: text("application_id")
      .notNull()
      .references(() => applications.id),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id),
    visitDate: text("visit_date").notNull(),
    position: integer("position").notNull(),
    active: integer("active").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.planId, t.applicationId] }),
    uniqueIndex("visit_plan_stops_one_active").on(t.applicationId).where(sql`active = 1`),
    index("visit_plan_stops_tenant_idx").on(t.tenantId),
  ],
);

/**
 * The Dinsos staff who accompany the team to one LKS, named by the application's tenant. Kept per
 * application (not per plan): a plan BALKS replaces keeps the companions the Dinsos already named.
 */
export const visitCompanions = sqliteTable("visit_companions", {
  applicationId: text("application_id")
    .primaryKey()
    .references(() => applications.id),
  tenantId: text("tenant_id")
    .notNull()
    .references(() => tenants.id),
  companions: text("companions", { mode: "json" })
    .$type<{ name: string; position: string; phone: string | null }[]>()
    .notNull(),
  version: integer("version").notNull(),
  updatedBy: text("updated_by")
    .notNull()
    .references(() => users.id),
  updatedAt: text("updated_at").notNull(),
});
