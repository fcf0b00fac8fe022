import type { PlenaryRecord, ReconciliationSheet } from "@akrab/domain";
import { integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { applications } from "./applications.ts";
import { createdAt } from "./columns.ts";
import { users } from "./identity.ts";
import { tenants } from "./tenancy.ts";

/**
 * The team's reconciled sheet of an application (issue 13 "Reconciliation"): the domain's
 * `ReconciliationSheet` (lined-up levels, flags, the lead's proposals, the members' answers,
 * signatures) kept whole as JSON, because the domain moves it as one value and every write
 * replaces it under the row's version. The blind sheets it was lined up from are separate rows
 * that it never changes. One per application; its first write inserts it.
 */
export const reconciliations = sqliteTable(
  "reconciliations",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id),
    applicationId: text("application_id")
      .notNull()
      .references(() => applications.id),
    instrumentVersionId: text("instrument_version_id").notNull(),
    sheet: text("sheet", { mode: "json" }).$type<ReconciliationSheet>().notNull(),
    /** What the team saw done well, and what it recommends: written by the lead, signed with the sheet. */
    strengths: text("strengths").notNull(),
    recommendations: text("recommendations").notNull(),
    version: integer("version").notNull(),
    createdAt: createdAt(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [uniqueIndex("reconciliations_application_idx").on(t.applicationId)],
);

/**
 * BALKS's plenary decision on an application (issue 13 "The decision"), recorded once, in the same
 * batch as the move to `accredited` or `not_accredited`. `computed` is what the rules gave on the
 * reconciled levels at the time, so a departure stays visible beside its justification.
 */
export const accreditationDecisions = sqliteTable(
  "accreditation_decisions",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id),
    applicationId: text("application_id")
      .notNull()
      .references(() => applications.id),
    kind: text("kind", { enum: ["accredit", "not_accredited"] }).notNull(),
    grade: text("grade", { enum: ["A", "B", "C"] }),
    reasons: text("reasons").notNull(),
    toFix: text("to_fix", { mode: "json" }).$type<string[]>().notNull(),
    justification: text("justification"),
    departsFromComputed: integer("departs_from_computed", { mode: "boolean" }).notNull(),
    computed: text("computed", { mode: "json" })
      .$type<{
        total: number | null;
        outcome: "graded" | "not_accredited" | "incomplete";
        grade: "A" | "B" | "C" | null;
      }>()
      .notNull(),
    plenary: text("plenary", { mode: "json" }).$type<PlenaryRecord>().notNull(),
    validFrom: text("valid_from"),
    validUntil: text("valid_until"),
    decidedBy: text("decided_by")
      .notNull()
      .references(() => users.id),
    decidedAt: text("decided_at").notNull(),
  },
  (t) => [uniqueIndex("accreditation_decisions_application_idx").on(t.applicationId)],
);
