import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { applications } from "./applications.ts";
import { documents } from "./documents.ts";
import { users } from "./identity.ts";
import { tenants } from "./tenancy.ts";

/**
 * The LKS's own answer to one indicator of its application's instrument (Formulir A): the level it
 * believes it meets (null: not chosen yet) and a note. Versioned per answer, so two devices editing
 * the same indicator meet as a conflict, never a silent overwrite.
 */
export const selfAssessmentAnswers = sqliteTable(
  "self_assessment_answers",
  {
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id),
    applicationId: text("application_id")
      .notNull()
      .references(() => applications.id),
    /** Indicator code of the application's instrument, e.g. `2.3.4`. */
    indicator: text("indicator").notNull(),
    level: integer("level"),
    note: text("note").notNull(),
    version: integer("version").notNull(),
    updatedBy: text("updated_by").references(() => users.id),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.indicator] }), index("sa_answers_tenant_idx").on(t.tenantId)],
);

/**
 * A document linked as evidence (Formulir B) to an indicator without its bytes being sent again: a
 * checklist document or another indicator's. Files uploaded straight to the indicator (the upload's
 * `indicator` target) are its evidence by their slot and need no row here.
 */
export const indicatorEvidence = sqliteTable(
  "indicator_evidence",
  {
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id),
    applicationId: text("application_id")
      .notNull()
      .references(() => applications.id),
    indicator: text("indicator").notNull(),
    documentId: text("document_id")
      .notNull()
      .references(() => documents.id),
    linkedBy: text("linked_by").references(() => users.id),
    linkedAt: text("linked_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.applicationId, t.indicator, t.documentId] }),
    index("indicator_evidence_tenant_idx").on(t.tenantId),
  ],
);
