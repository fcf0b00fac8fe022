/**
 * The one way a waiting change is sent and its answer recorded, used by the page's sync loop and
 * by the service worker's Background Sync alike: the same request (profile, letter, checklist
 * review, workflow action, self-assessment answer, asesor's score or declined invitation, each with the version it was based on) with the item's own
 * Idempotency-Key, so whichever sends first, the server does the work once and the other gets the
 * stored answer. An accepted change moves the changes waiting for the same record to its new
 * version (`rebase`); a workflow action waits while its application's files are still on their way.
 */
import { api, isApiError } from "#lib/api.ts";
import type { Application, LksProfileInput, ReturnItem } from "#lib/api-types.ts";
import { problemMessage } from "#lib/errors.ts";
import { afterStaleAnswer } from "#lib/improvement/change.ts";
import { afterStale, placeOfRef } from "#lib/reconciliation/change.ts";
import { loadEntries } from "#lib/uploads/store.ts";
import { sheetBatch } from "#lib/visit/sheet.ts";
import { deleteOutbox, listOutbox, putOutbox } from "./outbox-store.ts";
import {
  answerConflicts,
  outcomeOf,
  rebase,
  waitsForEvidence,
  waitsForUploads,
  type OutboxItem,
  type Outcome,
} from "./outbox.ts";

/** A workflow action as the dialog wrote it (without the version, which the item carries). */
export type TransitionValues = {
  action: string;
  comment?: string;
  items?: ReturnItem[];
};

/** The request a change makes (each with the version it was based on). */
function request(item: OutboxItem): Promise<unknown> {
  const options = { headers: { "idempotency-key": item.key } };
  const application = { tenant: item.tenant, applicationId: item.targetId };
  switch (item.kind) {
    case "lks":
      return api.patch(
        "/t/{tenant}/lks/{lksId}",
        { expectedVersion: item.expectedVersion, base: item.base, profile: item.values as LksProfileInput },
        // The answer is the LKS's new state, as its GET: kept on the device, a reload shows the edit.
        { ...options, params: { tenant: item.tenant, lksId: item.targetId }, keep: true },
      );
    case "letter":
      return api.put(
        "/t/{tenant}/applications/{applicationId}/letter",
        {
          expectedVersion: item.expectedVersion,
          base: item.base,
          letter: item.values as { number: string; date: string; signatoryName: string; signatoryPosition: string },
        },
        { ...options, params: application },
      );
    case "checklist": {
      const { decision, comment } = item.values as { decision: "accept" | "return"; comment?: string };
      const params = { ...application, key: item.ref ?? "" };
      return decision === "accept"
        ? api.post(
            "/t/{tenant}/applications/{applicationId}/checklist/{key}/accept",
            { expectedVersion: item.expectedVersion },
            { ...options, params },
          )
        : api.post(
            "/t/{tenant}/applications/{applicationId}/checklist/{key}/return",
            { expectedVersion: item.expectedVersion, comment: comment ?? "" },
            { ...options, params },
          );
    }
    case "answer": {
      // The batch PUT (what the device's outbox sends), with the answer's version it started from and
      // each changed field's value then: a newer answer on the server merges, or is a 409 per field.
      const { level, note } = item.values as { level: number | null; note: string };
      return api.put(
        "/t/{tenant}/applications/{applicationId}/self-assessment/answers",
        {
          answers: [
            {
              indicator: item.ref ?? "",
              level,
              note,
              baseVersion: item.expectedVersion,
              base: item.base as { level?: number | null; note?: string },
            },
          ],
        },
        { ...options, params: application },
      );
    }
    case "score":
      // One place of the asesor's sheet (a score, a document check or a finding) in the sheet's batch
      // PUT, with the version it started from: a newer value merges, or is a 409 with both values.
      return api.put("/me/assignments/{assignmentId}/sheet", sheetBatch(item), {
        ...options,
        params: { assignmentId: item.targetId },
        keep: true, // the whole sheet, as its GET: a reload offline shows it
      });
    case "reconciliation": {
      // The team's sheet: a proposal, an answer to one, the lead's report, or a signature, on the
      // sheet's version.
      const place = placeOfRef(item.ref ?? "");
      const expectedVersion = item.expectedVersion;
      const params = { assignmentId: item.targetId };
      if (place.kind === "sign")
        return api.post(
          "/me/assignments/{assignmentId}/reconciliation/sign",
          { expectedVersion },
          { ...options, params },
        );
      if (place.kind === "report")
        return api.put(
          "/me/assignments/{assignmentId}/reconciliation/report",
          { ...(item.values as { strengths: string; recommendations: string }), expectedVersion },
          { ...options, params },
        );
      const at = { ...options, params: { ...params, indicator: place.indicator } };
      return place.kind === "proposal"
        ? api.put(
            "/me/assignments/{assignmentId}/reconciliation/proposals/{indicator}",
            { ...(item.values as { level: number; reason: string }), expectedVersion },
            at,
          )
        : api.put(
            "/me/assignments/{assignmentId}/reconciliation/responses/{indicator}",
            { ...(item.values as { agree: boolean; note: string }), expectedVersion },
            at,
          );
    }
    case "improvement":
      // The LKS's answer to one improvement-plan item, on the item's version; the evidence is what
      // was uploaded to the item's own keys (the server counts those without their ids).
      return api.post(
        "/t/{tenant}/applications/{applicationId}/improvement-plan/items/{itemId}/answer",
        { note: String(item.values.note ?? ""), documentIds: [], expectedVersion: item.expectedVersion },
        { ...options, params: { ...application, itemId: item.ref ?? "" } },
      );
    case "decline":
      return api.post(
        "/me/assignments/{assignmentId}/answer",
        { answer: "decline", reason: String(item.values.reason ?? "") },
        { ...options, params: { assignmentId: item.targetId } },
      );
    case "action":
      return api.post(
        "/t/{tenant}/applications/{applicationId}/transitions",
        { ...(item.values as TransitionValues), expectedVersion: item.expectedVersion },
        { ...options, params: application },
      );
  }
}

/** The changes waiting for the same record move with it when one of them was accepted (see `rebase`). */
async function followVersion(sent: OutboxItem, result: unknown): Promise<void> {
  // A profile has no version in its answer to follow; an assignment's answer guards nothing else.
  if (sent.kind === "lks" || sent.kind === "decline") return;
  const version = (result as Partial<Application> | undefined)?.version;
  if (typeof version !== "number") return;
  const stored = await listOutbox(sent.userId);
  const moved = rebase(stored, sent, version);
  for (const [i, item] of moved.entries()) if (item !== stored[i]) await putOutbox(item);
}

/**
 * A reconciliation write refused as stale: the sheet has one version, so the other asesor's write
 * anywhere makes it stale. Read again, it is sent once more when nobody touched the fields it
 * changes (with the sheet's value in the others), leaves when the sheet already holds it, or becomes
 * a conflict with both values on the sheet's new version.
 */
async function staleReconciliation(
  item: OutboxItem,
  again: boolean,
  error: unknown,
): Promise<{ outcome: Outcome; result?: unknown } | null> {
  const view = await api
    .get("/me/assignments/{assignmentId}/reconciliation", { params: { assignmentId: item.targetId } })
    .catch(() => null);
  if (!view) return null;
  const stale = afterStale(item, view);
  if (stale.kind === "refused") return null;
  if (stale.kind === "done") {
    await deleteOutbox(item.id);
    return { outcome: { kind: "sent" }, result: view };
  }
  // A new key: the body carries the new version (the server refuses a reused key with another body).
  const { expectedVersion, values, base } = stale;
  const moved = { ...item, expectedVersion, values, base, key: crypto.randomUUID() };
  if (stale.kind === "resend" && again) return sendItem(moved, false);
  const reason = problemMessage(error);
  if (stale.kind === "resend") {
    // Stale again at once (the other asesor is writing too): the next run sends it on the version read.
    await putOutbox({ ...moved, attempts: item.attempts + 1, lastError: reason });
    return { outcome: { kind: "retry", reason } };
  }
  await putOutbox({
    ...moved,
    attempts: item.attempts + 1,
    state: "conflict",
    conflicts: stale.conflicts,
    lastError: reason,
  });
  return { outcome: { kind: "conflict", conflicts: stale.conflicts, reason } };
}

/**
 * An improvement-plan answer refused as stale: the item as it stands now, read again, decides (see
 * `afterStaleAnswer`): sent again on its new version, gone when the item holds it already, a
 * conflict with both notes, or refused with the server's reason (never the 409's raw fields).
 */
async function staleImprovement(
  item: OutboxItem,
  again: boolean,
  error: unknown,
): Promise<{ outcome: Outcome; result?: unknown }> {
  const plan = await api
    .get("/t/{tenant}/applications/{applicationId}/improvement-plan", {
      params: { tenant: item.tenant, applicationId: item.targetId },
    })
    .catch(() => null);
  const reason = problemMessage(error);
  const tried = { ...item, attempts: item.attempts + 1 };
  if (!plan) {
    await putOutbox({ ...tried, lastError: reason });
    return { outcome: { kind: "retry", reason } };
  }
  const stale = afterStaleAnswer(
    item,
    plan.items.find((i) => i.id === item.ref),
  );
  if (stale.kind === "done") {
    await deleteOutbox(item.id);
    return { outcome: { kind: "sent" }, result: plan };
  }
  if (stale.kind === "refused") {
    await putOutbox({ ...tried, lastError: reason, state: "refused" });
    return { outcome: { kind: "refused", reason, error } };
  }
  // A new key: the body carries the new version (the server refuses a reused key with another body).
  const moved = { ...item, expectedVersion: stale.expectedVersion, key: crypto.randomUUID() };
  if (stale.kind === "resend") {
    const resend = { ...moved, values: stale.values };
    if (again) return sendItem(resend, false);
    await putOutbox({ ...resend, attempts: tried.attempts, lastError: reason });
    return { outcome: { kind: "retry", reason } };
  }
  await putOutbox({
    ...moved,
    attempts: tried.attempts,
    state: "conflict",
    conflicts: stale.conflicts,
    lastError: reason,
  });
  return { outcome: { kind: "conflict", conflicts: stale.conflicts, reason } };
}

/** Sends one item (a plain object, not a reactive proxy); on success it leaves the outbox. */
export async function sendItem(item: OutboxItem, again = true): Promise<{ outcome: Outcome; result?: unknown }> {
  try {
    const result = await request(item);
    await deleteOutbox(item.id);
    await followVersion(item, result);
    return { outcome: { kind: "sent" }, result };
  } catch (error) {
    if (item.kind === "reconciliation" && isApiError(error) && error.status === 409) {
      const settled = await staleReconciliation(item, again, error);
      if (settled) return settled;
    }
    if (item.kind === "improvement" && isApiError(error) && error.status === 409)
      return staleImprovement(item, again, error);
    const failed = outcomeOf(error, problemMessage);
    const outcome: Outcome =
      failed.kind === "conflict" && (item.kind === "answer" || item.kind === "score")
        ? { ...failed, conflicts: answerConflicts(failed.conflicts) }
        : failed;
    const tried = { ...item, attempts: item.attempts + 1 };
    if (outcome.kind === "offline") await putOutbox(tried);
    else if (outcome.kind === "retry") await putOutbox({ ...tried, lastError: outcome.reason });
    else if (outcome.kind === "refused") await putOutbox({ ...tried, lastError: outcome.reason, state: "refused" });
    else if (outcome.kind === "conflict")
      await putOutbox({ ...tried, lastError: outcome.reason, state: "conflict", conflicts: outcome.conflicts });
    return { outcome };
  }
}

/** The files still on their way from this device (a failed file no longer holds anything). */
async function uploading(userId: string) {
  const entries = await loadEntries(userId).catch(() => []);
  return entries.filter((e) => e.state !== "failed").map((e) => e.target);
}

/**
 * Whether `item` must wait for files still in the upload queue (read now): a workflow action for
 * its application's, an improvement-plan answer for its item's evidence.
 */
export async function waitsForFiles(item: OutboxItem): Promise<boolean> {
  if (item.kind !== "action" && item.kind !== "improvement") return false;
  const targets = await uploading(item.userId);
  if (item.kind === "improvement")
    return waitsForEvidence(
      item,
      targets.map((t) => ("requirement" in t ? t.requirement : null)),
    );
  return waitsForUploads(
    item,
    targets.map((t) => ("applicationId" in t ? t.applicationId : null)),
  );
}
