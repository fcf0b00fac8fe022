import type { ImprovementKind, ItemState, ReminderStage } from "@akrab/domain";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { applications } from "./applications.ts";
import { createdAt } from "./columns.ts";
import { accreditationDecisions } from "./decisions.ts";
import { documents } from "./documents.ts";
import { users } from "./identity.ts";
import { lks } from "./registry.ts";
import { tenants } from "./tenancy.ts";

/**
 * BALKS's supervision settings (issue 14 "Supervision"): the days an item is given and when it is
 * reminded and escalated. One row (`id` = 1) seeded with the defaults (TJC 60 / CARF 90 days); an
 * item keeps the due day it was given, so a change applies to later decisions only.
 */
export const supervisionSettings = sqliteTable("supervision_settings", {
  id: integer("id").primaryKey(),
  correctionDays: integer("correction_days").notNull(),
  planDays: integer("plan_days").notNull(),
  remindBeforeDays: integer("remind_before_days").notNull(),
  escalateDinsosAfterDays: integer("escalate_dinsos_after_days").notNull(),
  escalateBalksAfterDays: integer("escalate_balks_after_days").notNull(),
  version: integer("version").notNull(),
  updatedBy: text("updated_by").references(() => users.id),
  updatedAt: text("updated_at").notNull(),
});

/**
 * The improvement plan a decision with recommendations starts, in the decision's own batch. One
 * per application (the guard that keeps a replayed decision from making two). Whether it is open
 * or overdue is never stored: it is read from its items' states and due days.
 */
export const improvementPlans = sqliteTable(
  "improvement_plans",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id),
    applicationId: text("application_id")
      .notNull()
      .references(() => applications.id),
    lksId: text("lks_id")
      .notNull()
      .references(() => lks.id),
    decisionId: text("decision_id")
      .notNull()
      .references(() => accreditationDecisions.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("improvement_plans_application_unique").on(t.applicationId),
    index("improvement_plans_tenant_idx").on(t.tenantId, t.createdAt),
  ],
);

/** One item of a plan: what to do, by when, the LKS's latest answer and the latest review. */
export const improvementItems = sqliteTable(
  "improvement_items",
  {
    id: text("id").primaryKey(),
    planId: text("plan_id")
      .notNull()
      .references(() => improvementPlans.id),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id),
    lksId: text("lks_id")
      .notNull()
      .references(() => lks.id),
    position: integer("position").notNull(),
    kind: text("kind", { enum: ["correction", "plan"] })
      .$type<ImprovementKind>()
      .notNull(),
    text: text("text").notNull(),
    dueOn: text("due_on").notNull(),
    state: text("state", { enum: ["open", "answered", "returned", "accepted"] })
      .$type<ItemState>()
      .notNull(),
    note: text("note"),
    answeredAt: text("answered_at"),
    answeredBy: text("answered_by").references(() => users.id),
    /** The reviewer's reason for a return (kept after a later answer, until the next review). */
    reviewReason: text("review_reason"),
    reviewedAt: text("reviewed_at"),
    reviewedBy: text("reviewed_by").references(() => users.id),
    /** Who reviewed: the Dinsos (`dinsos`) or BALKS (`balks`). */
    reviewedAs: text("reviewed_as", { enum: ["dinsos", "balks"] }),
    version: integer("version").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("improvement_items_plan_position_unique").on(t.planId, t.position),
    // The daily job and the "overdue" filter read items not yet accepted by due day.
    index("improvement_items_state_due_idx").on(t.state, t.dueOn),
  ],
);

/** The documents an item's current answer points at (uploaded through the ordinary document store). */
export const improvementEvidence = sqliteTable(
  "improvement_evidence",
  {
    itemId: text("item_id")
      .notNull()
      .references(() => improvementItems.id),
    documentId: text("document_id")
      .notNull()
      .references(() => documents.id),
    tenantId: text("tenant_id").notNull(),
    linkedAt: text("linked_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.documentId] })],
);

/** Each reminder or escalation of an item, claimed once in the batch that enqueues its emails. */
export const improvementReminders = sqliteTable(
  "improvement_reminders",
  {
    itemId: text("item_id")
      .notNull()
      .references(() => improvementItems.id),
    stage: text("stage", { enum: ["before_due", "due_day", "escalated_dinsos", "escalated_balks"] })
      .$type<ReminderStage>()
      .notNull(),
    sentAt: text("sent_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.stage] })],
);
