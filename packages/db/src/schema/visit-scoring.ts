import { SAFEGUARDING_KINDS } from "@akrab/domain";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { applications } from "./applications.ts";
import { assessmentAssignments, asesors } from "./assessment.ts";
import { createdAt } from "./columns.ts";
import { users } from "./identity.ts";
import { instrumentVersions } from "./instruments.ts";
import { tenants } from "./tenancy.ts";

/**
 * One asesor's blind score sheet for a visit (issue 13 "The visit, offline"): one per accepted
 * assignment, on the instrument version the application pinned. Tenant-owned (the application's
 * tenant) like the assignment it belongs to. `submitted_at` set makes it read-only: the sheet is
 * then what reconciliation lines up, kept beside the reconciled one forever.
 */
export const scoreSheets = sqliteTable(
  "score_sheets",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id),
    applicationId: text("application_id")
      .notNull()
      .references(() => applications.id),
    assignmentId: text("assignment_id")
      .notNull()
      .references(() => assessmentAssignments.id),
    asesorId: text("asesor_id")
      .notNull()
      .references(() => asesors.id),
    instrumentVersionId: text("instrument_version_id")
      .notNull()
      .references(() => instrumentVersions.id),
    submittedAt: text("submitted_at"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("score_sheets_assignment_idx").on(t.assignmentId),
    index("score_sheets_application_idx").on(t.applicationId),
    index("score_sheets_tenant_idx").on(t.tenantId),
  ],
);

/**
 * An asesor's level and note on one indicator. Versioned per indicator like the LKS's own answers,
 * so the same asesor editing on two devices meets a per-indicator conflict, never a silent overwrite.
 */
export const scoreEntries = sqliteTable(
  "score_entries",
  {
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id),
    sheetId: text("sheet_id")
      .notNull()
      .references(() => scoreSheets.id),
    indicator: text("indicator").notNull(),
    /** The rubric level's score; null: left blank. */
    level: integer("level"),
    note: text("note").notNull(),
    version: integer("version").notNull(),
    updatedBy: text("updated_by").references(() => users.id),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.sheetId, t.indicator] }), index("score_entries_tenant_idx").on(t.tenantId)],
);

/**
 * A safeguarding finding an asesor recorded on site. The id is the device's (made when the finding
 * was written offline), so a replayed sync inserts it once and alerts BALKS and the Dinsos once.
 * Never edited or removed by the asesor: it has alerted people; an investigation clears it.
 */
export const safeguardingFindings = sqliteTable(
  "safeguarding_findings",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id),
    sheetId: text("sheet_id")
      .notNull()
      .references(() => scoreSheets.id),
    applicationId: text("application_id")
      .notNull()
      .references(() => applications.id),
    indicator: text("indicator").notNull(),
    kind: text("kind", { enum: SAFEGUARDING_KINDS }).notNull(),
    description: text("description").notNull(),
    /** When the asesor wrote it down (the device's clock), and when it reached the server. */
    reportedAt: text("reported_at").notNull(),
    receivedAt: text("received_at").notNull(),
    reportedBy: text("reported_by").references(() => users.id),
  },
  (t) => [
    index("safeguarding_findings_sheet_idx").on(t.sheetId),
    index("safeguarding_findings_application_idx").on(t.applicationId),
    index("safeguarding_findings_tenant_idx").on(t.tenantId),
  ],
);

/**
 * Formulir C's document check: whether the original of each checklist document was seen on site
 * (null: not checked yet), with a note. Versioned like score entries, for the same reason.
 */
export const documentChecks = sqliteTable(
  "document_checks",
  {
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id),
    sheetId: text("sheet_id")
      .notNull()
      .references(() => scoreSheets.id),
    /** The application's checklist key. */
    code: text("code").notNull(),
    present: integer("present", { mode: "boolean" }),
    note: text("note").notNull(),
    version: integer("version").notNull(),
    updatedBy: text("updated_by").references(() => users.id),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.sheetId, t.code] }), index("document_checks_tenant_idx").on(t.tenantId)],
);
