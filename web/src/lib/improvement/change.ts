/**
 * Pure rules of the LKS's answer to an improvement-plan item as an outbox change (no I/O;
 * unit-tested). The slot is the item (`targetId` the application, `ref` the item's id): the note as
 * typed, the note the item had when the person started (its base) and the item's version. A stale
 * answer (409) is read against the item as it stands now with the domain's field merge: sent again
 * when nobody touched the note, gone when the item already holds it, a conflict with both notes
 * when someone else answered differently, refused when the item cannot be answered any more.
 */
import { mergeFields } from "@akrab/domain";
import type { ImprovementItem } from "#lib/components/assessment/types.ts";

export type ImprovementValues = { note: string };

/** The item's states the LKS answers from (the form shows only on these). */
const answerable = (state: ImprovementItem["state"]) => state === "open" || state === "returned";

export function improvementChange(
  app: { tenant: string; applicationId: string },
  item: Pick<ImprovementItem, "id" | "note" | "version">,
  values: ImprovementValues,
  text: { label: string; href: string },
) {
  return {
    kind: "improvement" as const,
    tenant: app.tenant,
    targetId: app.applicationId,
    ref: item.id,
    label: text.label,
    href: text.href,
    values: { ...values } as Record<string, unknown>,
    base: { note: item.note ?? null } as Record<string, unknown>,
    expectedVersion: item.version,
  };
}

export type StaleAnswer =
  /** The item can still be answered: the note merged field by field, on the item's new version. */
  | { kind: "resend"; expectedVersion: number; values: Record<string, unknown> }
  /** The item already holds this very answer (it was sent twice): nothing to send. */
  | { kind: "done" }
  /** Answered by someone else and waiting for review, accepted, or gone: this answer cannot go on it. */
  | { kind: "refused" }
  /** Someone else changed the note meanwhile and the item is answerable again: the person chooses. */
  | { kind: "conflict"; expectedVersion: number; conflicts: { field: string; server: unknown; client: unknown }[] };

/**
 * A refused-as-stale answer against the item as the server holds it now (undefined: gone). Answering
 * is an act, not only a note: a note the person left as it was still answers, with the server's
 * newer note if someone else changed it (the merge keeps a field changed on one side only).
 */
export function afterStaleAnswer(
  change: { values: Record<string, unknown>; base: Record<string, unknown> },
  now: Pick<ImprovementItem, "state" | "note" | "version"> | undefined,
): StaleAnswer {
  if (!now) return { kind: "refused" };
  if (!answerable(now.state)) return now.note === change.values.note ? { kind: "done" } : { kind: "refused" };
  const { merged, conflicts } = mergeFields(change.base, change.values, { note: now.note ?? null });
  if (conflicts.length > 0)
    return {
      kind: "conflict",
      expectedVersion: now.version,
      conflicts: conflicts.map(({ field, server, client }) => ({ field, server, client })),
    };
  return { kind: "resend", expectedVersion: now.version, values: merged };
}
