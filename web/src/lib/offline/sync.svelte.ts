/**
 * The offline layer's outbox of changes and the sync loop that sends it (at start, on `online`,
 * every 30 s, and right after each change); loaded on demand by `state.svelte.ts`.
 * Changes are written to the device first; a refusal keeps the change with the server's reason,
 * a 409 with conflicts becomes a conflict for the person to settle on /perubahan.
 */
import { settleConflicts, type FieldChange } from "@akrab/domain";
import { api } from "#lib/api.ts";
import type { LksProfileInput } from "#lib/api-types.ts";
import { problemMessage } from "#lib/errors.ts";
import { keepBackupKey } from "./backup-key.ts";
import { deleteOutbox, listOutbox, putOutbox } from "./outbox-store.ts";
import type { Application } from "#lib/api-types.ts";
import { loadEntries } from "#lib/uploads/store.ts";
import {
  fold,
  outcomeOf,
  rebase,
  UPLOAD_DONE,
  waitsForUploads,
  type NewChange,
  type OutboxItem,
  type Outcome,
} from "./outbox.ts";
import { offline, pendingFor, unsentKey } from "./state.svelte.ts";

const SYNC_EVERY_MS = 30_000;

let timer: ReturnType<typeof setInterval> | null = null;

function onOnline() {
  void syncNow();
}

/** Starts the loop for the signed-in person (once): their outbox now, then on `online` and every 30 s. */
export async function startSync(): Promise<void> {
  if (timer) return;
  // Ask the browser to keep the outbox under storage pressure (a person's unsent work lives there).
  void navigator.storage?.persist?.().catch(() => false);
  addEventListener("online", onOnline);
  // A file reached the server: an action that waited for it can go now.
  addEventListener(UPLOAD_DONE, onOnline);
  if (offline.userId) void keepBackupKey(offline.userId);
  timer = setInterval(() => void syncNow(), SYNC_EVERY_MS);
  await refresh();
  void syncNow();
}

export function stopSync(): void {
  if (timer) clearInterval(timer);
  timer = null;
  removeEventListener("online", onOnline);
  removeEventListener(UPLOAD_DONE, onOnline);
}

async function refresh(): Promise<void> {
  const userId = offline.userId;
  offline.items = userId ? await listOutbox(userId).catch(() => []) : [];
  if (userId) hint(userId, offline.items.length);
}

/** Tells the next page load whether to load this loop at all (see `startOffline`). */
function hint(userId: string, count: number): void {
  offline.hinted = count > 0;
  try {
    if (count > 0) localStorage.setItem(unsentKey(userId), String(count));
    else localStorage.removeItem(unsentKey(userId));
  } catch {
    // no storage: every page load looks in the outbox
  }
}

function newKey(): string {
  return crypto.randomUUID();
}

/** The request a change makes (each with the version it was based on). */
function request(item: OutboxItem, options: { headers: Record<string, string> }): Promise<unknown> {
  const application = { tenant: item.tenant, applicationId: item.targetId };
  switch (item.kind) {
    case "lks":
      return api.patch(
        "/t/{tenant}/lks/{lksId}",
        { expectedVersion: item.expectedVersion, base: item.base, profile: item.values as LksProfileInput },
        { ...options, params: { tenant: item.tenant, lksId: item.targetId } },
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
    case "action":
      return api.post(
        "/t/{tenant}/applications/{applicationId}/transitions",
        { ...(item.values as TransitionValues), expectedVersion: item.expectedVersion },
        { ...options, params: application },
      );
  }
}

/** A workflow action as the dialog wrote it (without the version, which the item carries). */
export type TransitionValues = {
  action: string;
  comment?: string;
  items?: { kind: "document" | "profile_field" | "letter"; ref: string; message: string }[];
};

/** The changes waiting for the same record move with it when one of them was accepted (see `rebase`). */
async function followVersion(sent: OutboxItem, result: unknown): Promise<void> {
  if (sent.kind === "lks") return;
  const version = (result as Partial<Application> | undefined)?.version;
  if (typeof version !== "number") return;
  const stored = await listOutbox(sent.userId);
  const moved = rebase(stored, sent, version);
  for (const [i, item] of moved.entries()) if (item !== stored[i]) await putOutbox(item);
}

/** Sends one item; on success it leaves the outbox. Returns what happened. */
async function send(shown: OutboxItem): Promise<{ outcome: Outcome; result?: unknown }> {
  // A plain copy: IndexedDB cannot store the reactive proxies of `offline.items`.
  const item = $state.snapshot(shown) as OutboxItem;
  inFlight.add(item.id);
  try {
    return await sendOnce(item);
  } finally {
    inFlight.delete(item.id);
  }
}

/** The items being sent right now (a run started meanwhile leaves them to the send under way). */
const inFlight = new Set<string>();

async function sendOnce(item: OutboxItem): Promise<{ outcome: Outcome; result?: unknown }> {
  const options = { headers: { "idempotency-key": item.key } };
  try {
    const result = await request(item, options);
    await deleteOutbox(item.id);
    await followVersion(item, result);
    return { outcome: { kind: "sent" }, result };
  } catch (error) {
    const outcome = outcomeOf(error, problemMessage);
    if (outcome.kind === "offline") {
      offline.online = false;
      await putOutbox({ ...item, attempts: item.attempts + 1 });
    } else if (outcome.kind === "retry") {
      await putOutbox({ ...item, attempts: item.attempts + 1, lastError: outcome.reason });
    } else if (outcome.kind === "refused") {
      await putOutbox({ ...item, attempts: item.attempts + 1, lastError: outcome.reason, state: "refused" });
    } else if (outcome.kind === "conflict") {
      await putOutbox({
        ...item,
        attempts: item.attempts + 1,
        lastError: outcome.reason,
        state: "conflict",
        conflicts: outcome.conflicts,
      });
    }
    return { outcome };
  }
}

/** The applications with files still on their way from this device (a failed file no longer holds anything). */
async function uploadingApplications(): Promise<(string | null)[]> {
  if (!offline.userId) return [];
  const entries = await loadEntries(offline.userId).catch(() => []);
  return entries
    .filter((e) => e.state !== "failed")
    .map((e) => ("applicationId" in e.target ? e.target.applicationId : null));
}

let running: Promise<void> | null = null;

/** Asked again while a run was under way (a file arrived, the link returned): one more run follows. */
let again = false;

/** Sends every pending change, oldest first; stops at the first sign of no link. */
export function syncNow(): Promise<void> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    try {
      await refresh();
      const ids = offline.items.filter((i) => i.state === "pending").map((i) => i.id);
      for (const id of ids) {
        // Read again: an item sent before may have moved this one's version (see `followVersion`).
        await refresh();
        const item = offline.items.find((i) => i.id === id);
        if (item?.state !== "pending" || inFlight.has(id)) continue;
        if (waitsForUploads(item, await uploadingApplications())) continue;
        const { outcome } = await send(item);
        if (outcome.kind === "sent") offline.online = true;
        if (outcome.kind === "offline") break;
      }
    } finally {
      await refresh();
      running = null;
      if (again) {
        again = false;
        void syncNow();
      }
    }
  })();
  return running;
}

/**
 * Writes a change to the device, then tries to send it. A second change to the same form folds
 * into the one waiting. Resolves with the server's answer when sent, or with why it waits.
 */
export async function submitChange(change: NewChange): Promise<{ outcome: Outcome; result?: unknown }> {
  const userId = offline.userId;
  if (!userId) throw new Error("offline: no signed-in person");
  while (running) await running;
  await refresh();
  const item = fold(
    pendingFor(change.kind, change.targetId, change.ref),
    change,
    () => ({ id: crypto.randomUUID(), key: newKey() }),
    Date.now(),
    userId,
  );
  hint(userId, Math.max(1, offline.items.length));
  await putOutbox($state.snapshot(item) as OutboxItem);
  if (waitsForUploads(item, await uploadingApplications())) {
    await refresh();
    return { outcome: { kind: "offline" } };
  }
  const sent = await send(item);
  await refresh();
  return sent;
}

export async function retry(item: OutboxItem): Promise<void> {
  await putOutbox({ ...$state.snapshot(item), state: "pending", key: newKey(), lastError: null });
  await syncNow();
}

export async function discard(item: OutboxItem): Promise<void> {
  await deleteOutbox(item.id);
  await refresh();
}

/** The person's choice per conflicting field, sent once (a new idempotency key for the new body). */
export async function settle(item: OutboxItem, choices: Record<string, "client" | "server">): Promise<void> {
  const plain = $state.snapshot(item) as OutboxItem;
  const change: FieldChange<Record<string, unknown>> = { values: plain.values, base: plain.base };
  const settled = settleConflicts(
    change,
    plain.conflicts.map((c) => ({ ...c, base: plain.base[c.field] })),
    choices,
  );
  await putOutbox({ ...plain, ...settled, state: "pending", conflicts: [], lastError: null, key: newKey() });
  await syncNow();
}
