import type { StepActor } from "../workflow/definition.ts";
import type { DocumentRequirement } from "./checklist.ts";

/** Where one requirement of an application's checklist stands. */
export type ChecklistStatus = "missing" | "uploaded" | "returned" | "accepted";

/** The part of a checklist entry the rules read; the rest (name, types, size) travels along untouched. */
export interface ChecklistState {
  key: string;
  required: boolean;
  status: ChecklistStatus;
  /** The latest note while the document is returned (kept for clients that read one note). */
  comment?: string;
  /** Every note the reviewers left on this document, oldest first: a thread that is never overwritten. */
  notes?: ReviewNote[];
}

/** One reviewer's note on one document. */
export interface ReviewNote {
  message: string;
  at: string;
}

/**
 * The thread with `message` added — unless it repeats the latest note (a return that carries over
 * what was already said one by one must not say it twice).
 */
export function addNote(notes: readonly ReviewNote[] | undefined, message: string, at: string): ReviewNote[] {
  const thread = [...(notes ?? [])];
  const text = message.trim();
  if (thread.at(-1)?.message.trim() === text) return thread;
  return [...thread, { message: text, at }];
}

/**
 * What a return for revision starts from: every document already returned one by one, with its
 * latest note, so the verifier neither picks nor types them again.
 */
export function returnDraft(checklist: readonly ChecklistState[]): ReturnRequest[] {
  return checklist.flatMap((item) => {
    const message = item.notes?.at(-1)?.message ?? item.comment;
    return item.status === "returned" && message ? [{ kind: "document" as const, ref: item.key, message }] : [];
  });
}

/** A requirement on an application's checklist: the tenant's requirement as copied at creation, and where it stands. */
export interface ChecklistEntry extends DocumentRequirement, ChecklistState {
  /** The document uploaded for this requirement. */
  documentId?: string;
  /**
   * The last cycle's application this requirement's document was carried over from (a renewal);
   * gone once the LKS uploads a new file. The Dinsos still reviews a carried document.
   */
  carriedFrom?: string;
}

/** One thing a verifier asks the LKS to fix when returning an application. */
export interface ReturnRequest {
  /** `indicator`: an indicator of the self-assessment, by its code in the application's instrument. */
  kind: "document" | "profile_field" | "letter" | "indicator";
  ref: string;
  message: string;
}

/**
 * Whether the required documents are done for whoever acts at a step: the LKS may hand over once
 * each is uploaded (or already accepted); a Dinsos or BALKS step moves on only once each required
 * document is accepted. Optional documents never hold an application back.
 */
export function checklistComplete(checklist: readonly ChecklistState[], actor: StepActor): boolean {
  return checklistGaps(checklist, actor).length === 0;
}

/**
 * The required documents that still hold an application back at a step, in checklist order: what
 * the LKS sees before submitting, and what a refused submission names.
 */
export function checklistGaps<T extends ChecklistState>(checklist: readonly T[], actor: StepActor): T[] {
  const done: readonly ChecklistStatus[] = actor === "lks" ? ["uploaded", "accepted"] : ["accepted"];
  return checklist.filter((item) => item.required && !done.includes(item.status));
}

export type ReturnRefusal =
  | { reason: "no_items" }
  /** Indexes into the request's items of documents the checklist does not have. */
  | { reason: "unknown_documents"; indexes: number[] }
  /** Indexes into the request's items of indicators the application's instrument does not have. */
  | { reason: "unknown_indicators"; indexes: number[] };

/**
 * A return for revision: it must say what to fix (at least one item), every document it points at
 * must be on the application's checklist, every indicator a code of its instrument (`indicators`), and each such document goes back to the LKS as
 * `returned` with the verifier's messages added to its thread (earlier notes, left one by one,
 * stay; a message repeating the latest note is not added again). Profile-field, letter and
 * indicator items leave the checklist as it is.
 */
export function returnForRevision<T extends ChecklistState>(
  checklist: readonly T[],
  items: readonly ReturnRequest[],
  at: string = new Date().toISOString(),
  indicators: ReadonlySet<string> = new Set(),
): { ok: true; checklist: T[] } | ({ ok: false } & ReturnRefusal) {
  if (items.length === 0) return { ok: false, reason: "no_items" };
  const keys = new Set(checklist.map((d) => d.key));
  const indexes = items.flatMap((item, index) => (item.kind === "document" && !keys.has(item.ref) ? [index] : []));
  if (indexes.length > 0) return { ok: false, reason: "unknown_documents", indexes };
  const strays = items.flatMap((item, index) =>
    item.kind === "indicator" && !indicators.has(item.ref) ? [index] : [],
  );
  if (strays.length > 0) return { ok: false, reason: "unknown_indicators", indexes: strays };
  const asked = new Map<string, string[]>();
  for (const item of items)
    if (item.kind === "document") asked.set(item.ref, [...(asked.get(item.ref) ?? []), item.message]);
  return {
    ok: true,
    checklist: checklist.map((d) => {
      const messages = asked.get(d.key);
      if (!messages) return d;
      const notes = messages.reduce<ReviewNote[]>(
        (thread, message) => addNote(thread, message, at),
        d.notes ?? legacyNotes(d),
      );
      return { ...d, status: "returned" as const, comment: notes.at(-1)?.message ?? d.comment, notes };
    }),
  };
}

/** A document returned before threads existed carries only its comment: it starts the thread. */
function legacyNotes(item: ChecklistState): ReviewNote[] {
  return item.comment ? [{ message: item.comment, at: "" }] : [];
}

/** One stored version of a document, as "what changed" shows it. */
export interface FileVersion {
  documentId: string;
  version: number;
  filename: string;
  size: number;
  uploadedAt: string;
}

/**
 * The documents replaced (or first uploaded) since `since` (the last return): per document, the
 * file the verifier saw at the return (null when there was none) and the newest one. Documents
 * untouched since then are left out; the order is the checklist's.
 */
export function documentChangesSince(
  checklist: readonly { key: string; name: string; documentId?: string | undefined }[],
  versions: readonly FileVersion[],
  since: string,
): Array<{ key: string; name: string; old: FileVersion | null; new: FileVersion }> {
  return checklist.flatMap((item) => {
    if (!item.documentId) return [];
    const mine = versions.filter((v) => v.documentId === item.documentId).sort((a, b) => a.version - b.version);
    const latest = mine.at(-1);
    if (!latest || latest.uploadedAt <= since) return [];
    const old = mine.filter((v) => v.uploadedAt <= since).at(-1) ?? null;
    return [{ key: item.key, name: item.name, old, new: latest }];
  });
}
