import type { ChecklistEntry, DocumentType, RegionalPart, ReturnRequest, WorkflowDefinition } from "@akrab/domain";
import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { createdAt } from "./columns.ts";
import { users } from "./identity.ts";
import { instrumentVersions } from "./instruments.ts";
import { lks } from "./registry.ts";
import { tenants } from "./tenancy.ts";

/**
 * A tenant's document checklist per application kind and ownership group (community LKS or
 * government units): a copy of the national default, editable.
 */
export const documentRequirements = sqliteTable(
  "document_requirements",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id),
    applicationKind: text("application_kind", { enum: ["first", "renewal"] }).notNull(),
    ownership: text("ownership", { enum: ["community", "government"] })
      .notNull()
      .default("community"),
    key: text("key").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull(),
    /** The English name and description; empty when the tenant wrote none (the Indonesian is shown). */
    nameEn: text("name_en").notNull().default(""),
    descriptionEn: text("description_en").notNull().default(""),
    required: integer("required", { mode: "boolean" }).notNull(),
    acceptedTypes: text("accepted_types", { mode: "json" }).$type<DocumentType[]>().notNull(),
    maxBytes: integer("max_bytes").notNull(),
    position: integer("position").notNull(),
  },
  (t) => [uniqueIndex("document_requirements_owned_key").on(t.tenantId, t.applicationKind, t.ownership, t.key)],
);

/** Published, immutable versions of a tenant's workflow: the regional part and the composed definition. */
export const workflowVersions = sqliteTable(
  "workflow_versions",
  {
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id),
    version: integer("version").notNull(),
    regional: text("regional", { mode: "json" }).$type<RegionalPart>().notNull(),
    definition: text("definition", { mode: "json" }).$type<WorkflowDefinition>().notNull(),
    publishedBy: text("published_by").references(() => users.id),
    publishedAt: text("published_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.version] })],
);

/** The regional part a tenant admin is editing, not yet published. */
export const workflowDrafts = sqliteTable("workflow_drafts", {
  tenantId: text("tenant_id")
    .primaryKey()
    .references(() => tenants.id),
  regional: text("regional", { mode: "json" }).$type<RegionalPart>().notNull(),
  baseVersion: integer("base_version").notNull(),
  updatedBy: text("updated_by").references(() => users.id),
  updatedAt: text("updated_at").notNull(),
});

/** An accreditation application of one LKS, moving through its tenant's workflow version. */
export const applications = sqliteTable(
  "applications",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id),
    lksId: text("lks_id")
      .notNull()
      .references(() => lks.id),
    kind: text("kind", { enum: ["first", "renewal"] }).notNull(),
    step: text("step").notNull(),
    workflowVersion: integer("workflow_version").notNull(),
    /** 1 while the application is not in a terminal step: at most one open application per LKS. */
    open: integer("open").notNull(),
    /**
     * Shaped as the contract's `ApplicationLetter` (validated on the way in); typed as an open record
     * because it is compared field by field, and the zod type lives in contracts, which db does not import.
     */
    letter: text("letter", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    /** The letter as it was when last returned, so the verifier sees what the LKS changed in it. */
    letterAtReturn: text("letter_at_return", { mode: "json" }).$type<Record<string, unknown> | null>(),
    profileSnapshot: text("profile_snapshot", { mode: "json" }).$type<Record<string, unknown> | null>(),
    checklist: text("checklist", { mode: "json" }).$type<ChecklistEntry[]>().notNull(),
    /** What the last return asked to fix: the LKS's to-do list. */
    returnItems: text("return_items", { mode: "json" }).$type<ReturnRequest[]>().notNull(),
    stepEnteredAt: text("step_entered_at").notNull(),
    stepDueAt: text("step_due_at"),
    submittedAt: text("submitted_at"),
    /** The published instrument version for the LKS's type, pinned when the application is first submitted. */
    instrumentVersionId: text("instrument_version_id").references(() => instrumentVersions.id),
    version: integer("version").notNull(),
    createdBy: text("created_by").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("applications_one_open_per_lks").on(t.lksId).where(sql`open = 1`),
    index("applications_inbox_idx").on(t.tenantId, t.step, t.stepDueAt),
    // The applications behind a pipeline figure (issue 15), longest waiting first: open ones only.
    index("applications_waiting_idx").on(t.step, t.stepEnteredAt, t.id).where(sql`open = 1`),
  ],
);

/** The timeline: every transition of an application. Append-only. */
export const applicationEvents = sqliteTable(
  "application_events",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    applicationId: text("application_id")
      .notNull()
      .references(() => applications.id),
    action: text("action").notNull(),
    fromStep: text("from_step"),
    toStep: text("to_step").notNull(),
    actorUserId: text("actor_user_id").references(() => users.id),
    comment: text("comment"),
    items: text("items", { mode: "json" }).$type<ReturnRequest[]>(),
    at: text("at").notNull(),
  },
  (t) => [
    index("application_events_app_idx").on(t.applicationId, t.at),
    // The decisions, returns and visits of a month behind a report figure (issue 15), by instant.
    index("application_events_step_at_idx").on(t.toStep, t.at),
    index("application_events_action_at_idx").on(t.action, t.at),
  ],
);

/** SLA reminders already sent: at most one per application, step and day. */
export const slaReminders = sqliteTable(
  "sla_reminders",
  {
    applicationId: text("application_id")
      .notNull()
      .references(() => applications.id),
    step: text("step").notNull(),
    day: text("day").notNull(),
    escalated: integer("escalated", { mode: "boolean" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.step, t.day] })],
);
