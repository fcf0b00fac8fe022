/**
 * Pure rules of the outbox (no I/O; unit-tested): what a change is, how a second edit of the same
 * form folds into the one still waiting, and what the server's answer makes of it.
 */
import { isApiError } from "#lib/api.ts";

type OutboxKind = "lks" | "letter";

interface FieldConflict {
  field: string;
  server: unknown;
  client: unknown;
}

export interface OutboxItem {
  id: string;
  userId: string;
  /** Sent as Idempotency-Key; a new one whenever the body changes (the server refuses a reused key). */
  key: string;
  kind: OutboxKind;
  tenant: string;
  /** The LKS or application the change is for. */
  targetId: string;
  /** What the person recognises it by ("Profil LKS Panti Asuhan Kasih Bunda"), and where it lives. */
  label: string;
  href: string;
  /** The whole record as the person left it, and each changed field's value when they started. */
  values: Record<string, unknown>;
  base: Record<string, unknown>;
  expectedVersion: number;
  createdAt: number;
  attempts: number;
  lastError: string | null;
  /** pending: to send; refused: the server said no (its reason in lastError); conflict: the person chooses. */
  state: "pending" | "refused" | "conflict";
  conflicts: FieldConflict[];
}

export type NewChange = Pick<
  OutboxItem,
  "kind" | "tenant" | "targetId" | "label" | "href" | "values" | "base" | "expectedVersion"
>;

/**
 * A change to a form that already has one waiting replaces its values; each field keeps the base
 * of its first edit (what the server had), so the server sees one change from where it started.
 */
export function fold(
  waiting: OutboxItem | undefined,
  change: NewChange,
  make: () => Pick<OutboxItem, "id" | "key">,
  now: number,
  userId: string,
): OutboxItem {
  if (!waiting)
    return {
      ...change,
      ...make(),
      userId,
      createdAt: now,
      attempts: 0,
      lastError: null,
      state: "pending",
      conflicts: [],
    };
  return {
    ...waiting,
    values: change.values,
    base: { ...change.base, ...waiting.base },
    key: make().key,
    state: "pending",
    lastError: null,
    conflicts: [],
  };
}

export type Outcome =
  | { kind: "sent" }
  | { kind: "offline" }
  | { kind: "retry"; reason: string }
  | { kind: "refused"; reason: string; error: unknown }
  | { kind: "conflict"; conflicts: FieldConflict[]; reason: string };

/** What a failed send means for the item: wait for a link, try again later, or show the person. */
export function outcomeOf(error: unknown, reason: (e: unknown) => string): Outcome {
  if (!isApiError(error)) return { kind: "retry", reason: reason(error) };
  if (error.status === 0) return { kind: "offline" };
  if (error.status === 409 && error.conflicts.length > 0)
    return { kind: "conflict", conflicts: error.conflicts, reason: reason(error) };
  // Too many requests, server trouble: the change is fine, the moment was not.
  if (error.status === 429 || error.status >= 500) return { kind: "retry", reason: reason(error) };
  return { kind: "refused", reason: reason(error), error };
}
