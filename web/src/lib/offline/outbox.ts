/**
 * Pure rules of the outbox (no I/O; unit-tested): what a change is, how a second edit of the same
 * form folds into the one still waiting, and what the server's answer makes of it.
 */
import { sameValue } from "@akrab/domain";
import { isApiError } from "#lib/api.ts";
/*
 * Kinds — lks: a profile edit; letter: the application letter; checklist: a verifier's accept or return
 * (with its comment) of one document (`ref` is the requirement); action: a workflow action (transition);
 * answer: the LKS's self-assessment answer to one indicator (`ref` is its code; level and note);
 * score: an asesor's blind score sheet (`targetId` is the assignment; `ref` is an indicator's code for
 * its level and note, `doc:<key>` for Formulir C's check of one document, `finding:<id>` for a
 * safeguarding finding); reconciliation: a write to the team's reconciliation sheet (`targetId` is the
 * assignment; `ref` is `proposal:<code>`, `response:<code>`, `report` (the lead's strengths and
 * recommendations) or `sign`, see `#lib/reconciliation/change.ts`);
 * improvement: the LKS's answer to an improvement-plan item (`targetId` is the application, `ref` the
 * item; its note, on the item's own version, see `#lib/improvement/change.ts`); decline: an asesor's
 * declining of an invitation (`targetId` is the assignment; its reason; no version: the server answers
 * a second answer with a 409, shown with its reason).
 */
import type { OutboxKind } from "./slot.ts";

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
  /** Within the target: the checklist requirement a review is for. */
  ref?: string;
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
  "kind" | "tenant" | "targetId" | "ref" | "label" | "href" | "values" | "base" | "expectedVersion"
>;

const sameValues = (a: Record<string, unknown>, b: Record<string, unknown>) => JSON.stringify(a) === JSON.stringify(b);

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
  // The same change again (a second click, a double submit) while the first still waits: nothing new
  // is queued, and the key stays, so a send already in flight and its retry are one on the server.
  if (waiting && waiting.state === "pending" && sameValues(waiting.values, change.values)) return waiting;
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

/**
 * Which record's version guards a change: the LKS's, the application's (letter, reviews, actions),
 * or a self-assessment answer's or a score's own (each indicator has its version, sent as `baseVersion`).
 */
const versionOf = (item: Pick<OutboxItem, "kind" | "targetId" | "ref">) =>
  item.kind === "answer" || item.kind === "score" || item.kind === "improvement"
    ? `${item.kind}:${item.targetId}:${item.ref ?? ""}`
    : item.kind === "reconciliation"
      ? // One version for the team's whole sheet.
        `reconciliation:${item.targetId}`
      : `${item.kind === "lks" ? "lks" : "application"}:${item.targetId}`;

/**
 * After one change was accepted, the others waiting for the same record that were based on the same
 * version move to the version the server answered: the record moved by this person's own change, not
 * someone else's. A change based on any other version keeps it (and is refused if the record moved).
 */
export function rebase(items: OutboxItem[], sent: OutboxItem, newVersion: number): OutboxItem[] {
  return items.map((item) =>
    item.id !== sent.id &&
    item.state === "pending" &&
    versionOf(item) === versionOf(sent) &&
    item.expectedVersion === sent.expectedVersion
      ? { ...item, expectedVersion: newVersion }
      : item,
  );
}

/**
 * The batch PUTs name a conflicting field `answers[2.3.4].level` (self-assessment) or
 * `entries[2.3.4].level`, `documentChecks[akta].present` (score sheet); the item is one indicator's
 * answer or score, or one document's check, so its conflicts are by its own field names (what
 * `settle` changes).
 */
export const answerConflicts = (conflicts: readonly FieldConflict[]): FieldConflict[] =>
  conflicts.map((c) => ({ ...c, field: c.field.replace(/^(?:answers|entries|documentChecks)\[[^\]]*\]\./, "") }));

/**
 * A change that no longer changes anything: every field it still claims (those in its base) holds
 * the value it was based on, the server's (after its conflicts were settled, say, keeping the
 * server's value in each).
 */
export const changesNothing = (change: Pick<OutboxItem, "values" | "base">) =>
  Object.keys(change.base).every((field) => sameValue(change.values[field], change.base[field]));

/** Fired by the upload queue when a file reached the server (the outbox sends what waited for it). */
export const UPLOAD_DONE = "akrab-upload-done";

/**
 * A workflow action waits while files for its application are still on their way: a submit sent
 * before its documents arrived would be refused for a missing document the person did upload.
 */
export const waitsForUploads = (item: OutboxItem, uploadingApplications: readonly (string | null)[]) =>
  item.kind === "action" && uploadingApplications.includes(item.targetId);

/**
 * An improvement-plan answer waits while files for its item's evidence are still on their way: the
 * server takes the files uploaded to the item's keys when the answer arrives, not after.
 */
export const waitsForEvidence = (item: OutboxItem, uploadingRequirements: readonly (string | null)[]) =>
  item.kind === "improvement" && uploadingRequirements.some((r) => r?.startsWith(`improvement:${item.ref ?? ""}:`));

/** A file still to send: queued, on its way, paused, waiting for signal or refused (not one being prepared or already there). */
export const fileUnsent = (file: { state: string }) =>
  file.state !== "done" && file.state !== "duplicate" && file.state !== "preparing";

/** "3 perubahan belum terkirim sejak 10:41": changes and files together, since the oldest. */
export function unsent(
  changes: readonly { createdAt: number }[],
  files: readonly { createdAt: number; state: string }[],
): { count: number; since: number | null } {
  const all = [...changes, ...files.filter(fileUnsent)];
  return { count: all.length, since: all.length > 0 ? Math.min(...all.map((i) => i.createdAt)) : null };
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
