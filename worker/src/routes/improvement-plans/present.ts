import { isGuardAbort, type ImprovementPlanWithItems } from "@akrab/db";
import { itemOverdue, jakartaDay, planClosed } from "@akrab/domain";
import { Problem } from "../../middleware/problem/index.ts";

type Item = ImprovementPlanWithItems["items"][number];

/** An item as the API shows it; `overdue` is computed for `today`, never read from storage. */
function presentItem(item: Item, today: string) {
  return {
    id: item.id,
    position: item.position,
    kind: item.kind,
    text: item.text,
    dueOn: item.dueOn,
    state: item.state,
    overdue: itemOverdue(item, today),
    note: item.note,
    answeredAt: item.answeredAt,
    evidence: item.evidence,
    reviewReason: item.reviewReason,
    reviewedAt: item.reviewedAt,
    reviewedAs: item.reviewedAs,
    version: item.version,
  };
}

export function presentPlan(
  found: ImprovementPlanWithItems,
  today: string,
  may: { answer: boolean; review: "tenant" | "national" | null },
) {
  const items = found.items.map((i) => presentItem(i, today));
  return {
    id: found.plan.id,
    applicationId: found.plan.applicationId,
    createdAt: found.plan.createdAt,
    closed: planClosed(found.items.map((i) => i.state)),
    overdueItems: items.filter((i) => i.overdue).length,
    items,
    may,
  };
}

/**
 * The 409 for a write on an item that moved on (another answer or review landed first, or it is
 * not in a state the action starts from): nothing changed, and the item as it is now comes back,
 * so the client can show it beside what it sent.
 */
export function itemMovedOn(item: Item, today: string, sent: { expectedVersion: number }) {
  return new Problem(
    "conflict",
    `Butir ini sudah berubah (status ${item.state}, versi ${item.version}); muat ulang / This item changed meanwhile (state ${item.state}, version ${item.version}); reload`,
    {
      conflicts: [
        { field: "version", server: item.version, client: sent.expectedVersion },
        { field: "item", server: presentItem(item, today), client: null },
      ],
    },
  );
}

export const planNotFound = () =>
  new Problem("not-found", "Rencana perbaikan tidak ditemukan / No improvement plan found");

/**
 * For `.catch` on an item's guarded batch: the guard aborting means another answer or review
 * landed between our read and our write; the 409 carries the item as it is now.
 */
export function movedOnAtGuard(
  reread: () => Promise<ImprovementPlanWithItems>,
  itemId: string,
  sent: { expectedVersion: number },
): (error: unknown) => Promise<never> {
  return async (error) => {
    if (!isGuardAbort(error)) throw error;
    const item = (await reread()).items.find((i) => i.id === itemId);
    if (!item) throw error;
    throw itemMovedOn(item, jakartaDay(), sent);
  };
}
