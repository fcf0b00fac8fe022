import type { StepActor } from "../workflow/definition.ts";
import type { DocumentRequirement } from "./checklist.ts";

/** Where one requirement of an application's checklist stands. */
export type ChecklistStatus = "missing" | "uploaded" | "returned" | "accepted";

/** The part of a checklist entry the rules read; the rest (name, types, size) travels along untouched. */
export interface ChecklistState {
  key: string;
  required: boolean;
  status: ChecklistStatus;
  comment?: string;
}

/** A requirement on an application's checklist: the tenant's requirement as copied at creation, and where it stands. */
export interface ChecklistEntry extends DocumentRequirement, ChecklistState {
  /** The document uploaded for this requirement. */
  documentId?: string;
}

/** One thing a verifier asks the LKS to fix when returning an application. */
export interface ReturnRequest {
  kind: "document" | "profile_field" | "letter";
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
  | { reason: "unknown_documents"; indexes: number[] };

/**
 * A return for revision: it must say what to fix (at least one item), every document it points at
 * must be on the application's checklist, and each such document goes back to the LKS as
 * `returned` with the verifier's message as its comment (the first message when one document is
 * named twice). Profile-field and letter items leave the checklist as it is.
 */
export function returnForRevision<T extends ChecklistState>(
  checklist: readonly T[],
  items: readonly ReturnRequest[],
): { ok: true; checklist: T[] } | ({ ok: false } & ReturnRefusal) {
  if (items.length === 0) return { ok: false, reason: "no_items" };
  const keys = new Set(checklist.map((d) => d.key));
  const indexes = items.flatMap((item, index) => (item.kind === "document" && !keys.has(item.ref) ? [index] : []));
  if (indexes.length > 0) return { ok: false, reason: "unknown_documents", indexes };
  const asked = new Map<string, string>();
  for (const item of items) if (item.kind === "document" && !asked.has(item.ref)) asked.set(item.ref, item.message);
  return {
    ok: true,
    checklist: checklist.map((d) => {
      const comment = asked.get(d.key);
      return comment === undefined ? d : { ...d, status: "returned" as const, comment };
    }),
  };
}
