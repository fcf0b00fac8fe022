import {
  DEFAULT_SUPERVISION_RULES,
  type ImprovementKind,
  type ItemState,
  type ReminderStage,
  type SupervisionRules,
} from "@akrab/domain";
import { and, asc, eq, exists, inArray, lt, lte, ne, sql } from "drizzle-orm";
import { abortIfNothingChanged } from "./batch-guard.ts";
import type { BatchItem, Db } from "./client.ts";
import { isoNow, newId } from "./client.ts";
import { keyset, toPage } from "./pagination.ts";
import { withinLks } from "./reach.ts";
import {
  documentVersions,
  documents,
  improvementEvidence,
  improvementItems,
  improvementPlans,
  improvementReminders,
  lks,
  supervisionSettings,
  tenants,
} from "./schema.ts";

export type ImprovementPlanRow = typeof improvementPlans.$inferSelect;
export type ImprovementItemRow = typeof improvementItems.$inferSelect;

export interface ImprovementPlanWithItems {
  plan: ImprovementPlanRow;
  items: (ImprovementItemRow & { evidence: { documentId: string; filename: string }[] })[];
}

async function withItems(db: Db, plan: ImprovementPlanRow | undefined): Promise<ImprovementPlanWithItems | null> {
  if (!plan) return null;
  const items = await db
    .select()
    .from(improvementItems)
    .where(eq(improvementItems.planId, plan.id))
    .orderBy(asc(improvementItems.position));
  const evidence =
    items.length === 0
      ? []
      : await db
          .select({
            itemId: improvementEvidence.itemId,
            documentId: improvementEvidence.documentId,
            filename: documentVersions.filename,
          })
          .from(improvementEvidence)
          .innerJoin(documents, eq(documents.id, improvementEvidence.documentId))
          .innerJoin(
            documentVersions,
            and(eq(documentVersions.documentId, documents.id), eq(documentVersions.version, documents.currentVersion)),
          )
          .where(
            inArray(
              improvementEvidence.itemId,
              items.map((i) => i.id),
            ),
          )
          .orderBy(asc(improvementEvidence.linkedAt), asc(improvementEvidence.documentId));
  return {
    plan,
    items: items.map((i) => ({
      ...i,
      evidence: evidence.filter((e) => e.itemId === i.id).map(({ documentId, filename }) => ({ documentId, filename })),
    })),
  };
}

/** The answer and review writes, shared by the tenant scope and BALKS; each is guarded by the item's version. */
function itemWrites(db: Db, itemWhere: (itemId: string) => ReturnType<typeof and>) {
  return {
    /** The LKS's answer: note and evidence replace the previous answer's. Pair with `abortIfNothingChanged`. */
    answer(
      item: Pick<ImprovementItemRow, "id" | "tenantId" | "version">,
      input: { note: string; documentIds: readonly string[]; by: string },
    ): [BatchItem, ...BatchItem[]] {
      const now = isoNow();
      return [
        db
          .update(improvementItems)
          .set({
            state: "answered",
            note: input.note,
            answeredAt: now,
            answeredBy: input.by,
            version: item.version + 1,
            updatedAt: now,
          })
          .where(and(itemWhere(item.id), eq(improvementItems.version, item.version))),
        abortIfNothingChanged(db),
        db.delete(improvementEvidence).where(eq(improvementEvidence.itemId, item.id)),
        ...input.documentIds.map((documentId) =>
          db
            .insert(improvementEvidence)
            .values({ itemId: item.id, documentId, tenantId: item.tenantId, linkedAt: now })
            .onConflictDoNothing(),
        ),
      ];
    },

    /** A review: accepted (closed), or returned with a reason. Pair with `abortIfNothingChanged`. */
    review(
      item: Pick<ImprovementItemRow, "id" | "version">,
      input: {
        to: Extract<ItemState, "accepted" | "returned">;
        reason: string | null;
        by: string;
        as: "dinsos" | "balks";
      },
    ): [BatchItem, ...BatchItem[]] {
      const now = isoNow();
      return [
        db
          .update(improvementItems)
          .set({
            state: input.to,
            reviewReason: input.reason,
            reviewedAt: now,
            reviewedBy: input.by,
            reviewedAs: input.as,
            version: item.version + 1,
            updatedAt: now,
          })
          .where(and(itemWhere(item.id), eq(improvementItems.version, item.version))),
        abortIfNothingChanged(db),
      ];
    },
  };
}

/**
 * An application's improvement plan as a tenant scope reaches it: its tenants, and for an LKS
 * operator its own LKS only (another's plan reads as missing).
 */
export function supervisionStore(db: Db, readableTenantIds: readonly string[], lksIds: readonly string[] | undefined) {
  const reachable = (itemId: string) =>
    and(
      eq(improvementItems.id, itemId),
      inArray(improvementItems.tenantId, [...readableTenantIds]),
      withinLks(improvementItems.lksId, lksIds),
    );
  return {
    async ofApplication(applicationId: string): Promise<ImprovementPlanWithItems | null> {
      const [plan] = await db
        .select()
        .from(improvementPlans)
        .where(
          and(
            eq(improvementPlans.applicationId, applicationId),
            inArray(improvementPlans.tenantId, [...readableTenantIds]),
            withinLks(improvementPlans.lksId, lksIds),
          ),
        );
      return withItems(db, plan);
    },
    ...itemWrites(db, reachable),
  };
}

/** BALKS's settings with their version, read by the decision (due days) and the daily job (thresholds). */
export async function supervisionRules(db: Db): Promise<SupervisionRules & { version: number }> {
  const [row] = await db.select().from(supervisionSettings).where(eq(supervisionSettings.id, 1));
  if (!row) return { ...DEFAULT_SUPERVISION_RULES, version: 0 };
  const { correctionDays, planDays, remindBeforeDays, escalateDinsosAfterDays, escalateBalksAfterDays, version } = row;
  return { correctionDays, planDays, remindBeforeDays, escalateDinsosAfterDays, escalateBalksAfterDays, version };
}

export interface OpenPlanFilter {
  tenantId?: string | undefined;
  /** Only plans with an item past due and not accepted on this day. */
  overdueOn?: string | undefined;
}

/** Across tenants (BALKS): plans, the open ones listed with their counts. */
export function supervisionReads(db: Db) {
  const notAccepted = ne(improvementItems.state, "accepted");
  return {
    rules: () => supervisionRules(db),

    async ofApplication(applicationId: string): Promise<ImprovementPlanWithItems | null> {
      const [plan] = await db.select().from(improvementPlans).where(eq(improvementPlans.applicationId, applicationId));
      return withItems(db, plan);
    },

    /**
     * Plans with an item not yet accepted, of active tenants, oldest first; `today` counts overdue
     * items (computed here from due days, never stored).
     */
    async open(filter: OpenPlanFilter, today: string, page: { cursor?: string | undefined; limit: number }) {
      const after = keyset(page.cursor, "asc", [improvementPlans.createdAt, improvementPlans.id]);
      if (!after) return null;
      const itemOf = (extra?: ReturnType<typeof and>) =>
        db
          .select({ one: sql`1` })
          .from(improvementItems)
          .where(and(eq(improvementItems.planId, improvementPlans.id), notAccepted, extra));
      const rows = await db
        .select({
          plan: improvementPlans,
          tenantSlug: tenants.slug,
          tenantName: tenants.name,
          lksName: lks.name,
          items: sql<number>`(SELECT count(*) FROM improvement_items i WHERE i.plan_id = ${improvementPlans.id})`,
          open: sql<number>`(SELECT count(*) FROM improvement_items i WHERE i.plan_id = ${improvementPlans.id} AND i.state <> 'accepted')`,
          overdue: sql<number>`(SELECT count(*) FROM improvement_items i WHERE i.plan_id = ${improvementPlans.id} AND i.state <> 'accepted' AND i.due_on < ${today})`,
          nextDue: sql<
            string | null
          >`(SELECT min(i.due_on) FROM improvement_items i WHERE i.plan_id = ${improvementPlans.id} AND i.state <> 'accepted')`,
        })
        .from(improvementPlans)
        .innerJoin(tenants, eq(tenants.id, improvementPlans.tenantId))
        .innerJoin(lks, eq(lks.id, improvementPlans.lksId))
        .where(
          and(
            eq(tenants.status, "active"),
            filter.tenantId ? eq(improvementPlans.tenantId, filter.tenantId) : undefined,
            exists(itemOf()),
            filter.overdueOn ? exists(itemOf(and(lt(improvementItems.dueOn, filter.overdueOn)))) : undefined,
            after.where,
          ),
        )
        .orderBy(...after.orderBy)
        .limit(page.limit + 1);
      return toPage(rows, page.limit, (r) => [r.plan.createdAt, r.plan.id]);
    },
  };
}

export function supervisionWrites(db: Db) {
  return {
    /**
     * The plan and its items, for the decision's batch. The plan's unique application index is the
     * guard: a replayed decision that got this far would fail the whole batch, never add a second.
     */
    createPlan(
      input: Pick<ImprovementPlanRow, "tenantId" | "applicationId" | "lksId" | "decisionId">,
      items: readonly { kind: ImprovementKind; text: string; dueOn: string }[],
    ): BatchItem[] {
      if (items.length === 0) return [];
      const now = isoNow();
      const planId = newId();
      return [
        db.insert(improvementPlans).values({ ...input, id: planId, createdAt: now }),
        db.insert(improvementItems).values(
          items.map((item, position) => ({
            ...item,
            id: newId(),
            planId,
            tenantId: input.tenantId,
            lksId: input.lksId,
            position,
            state: "open" as const,
            version: 1,
            updatedAt: now,
          })),
        ),
      ];
    },

    /** Only at `expectedVersion`; pair with `abortIfNothingChanged`. */
    updateRules(rules: SupervisionRules, expectedVersion: number, by: string) {
      return db
        .update(supervisionSettings)
        .set({ ...rules, version: expectedVersion + 1, updatedBy: by, updatedAt: isoNow() })
        .where(and(eq(supervisionSettings.id, 1), eq(supervisionSettings.version, expectedVersion)));
    },

    /** BALKS reviews any plan it reached through the national scope. */
    ...itemWrites(db, (itemId) => and(eq(improvementItems.id, itemId))),
  };
}

/**
 * For the daily job: items not accepted that are due by `horizon` (today plus the reminder lead),
 * of active tenants, with what a message needs.
 */
export async function improvementItemsToRemind(db: Db, horizon: string) {
  return db
    .select({
      item: improvementItems,
      applicationId: improvementPlans.applicationId,
      tenantSlug: tenants.slug,
      tenantParentId: tenants.parentId,
      lksName: lks.name,
      sent: sql<string>`(SELECT coalesce(group_concat(r.stage), '') FROM improvement_reminders r WHERE r.item_id = ${improvementItems.id})`,
    })
    .from(improvementItems)
    .innerJoin(improvementPlans, eq(improvementPlans.id, improvementItems.planId))
    .innerJoin(tenants, eq(tenants.id, improvementItems.tenantId))
    .innerJoin(lks, eq(lks.id, improvementItems.lksId))
    .where(
      and(eq(tenants.status, "active"), ne(improvementItems.state, "accepted"), lte(improvementItems.dueOn, horizon)),
    )
    .orderBy(asc(improvementItems.dueOn), asc(improvementItems.id));
}

/** Records that an item's reminder at `stage` went out; changes nothing when it already did. */
export function claimImprovementReminder(db: Db, itemId: string, stage: ReminderStage) {
  return db.insert(improvementReminders).values({ itemId, stage, sentAt: isoNow() }).onConflictDoNothing();
}
