/**
 * Where a change belongs: one form, document or application ("one waiting change per place"). Its
 * own module because every page's first load reads it (the rest of the outbox rules load later).
 */
export const OUTBOX_KINDS = [
  "lks",
  "letter",
  "checklist",
  "action",
  "answer",
  "score",
  "reconciliation",
  "improvement",
  "decline",
] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];

export const sameSlot = (
  item: { kind: OutboxKind; targetId: string; ref?: string },
  kind: OutboxKind,
  targetId: string,
  ref?: string,
) => item.kind === kind && item.targetId === targetId && (item.ref ?? "") === (ref ?? "");
