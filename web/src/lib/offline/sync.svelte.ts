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
import { deleteOutbox, listOutbox, putOutbox } from "./db.ts";
import { fold, outcomeOf, type NewChange, type OutboxItem, type Outcome } from "./outbox.ts";
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
  if (offline.userId) void keepBackupKey(offline.userId);
  timer = setInterval(() => void syncNow(), SYNC_EVERY_MS);
  await refresh();
  void syncNow();
}

export function stopSync(): void {
  if (timer) clearInterval(timer);
  timer = null;
  removeEventListener("online", onOnline);
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

/** Sends one item; on success it leaves the outbox. Returns what happened. */
async function send(shown: OutboxItem): Promise<{ outcome: Outcome; result?: unknown }> {
  // A plain copy: IndexedDB cannot store the reactive proxies of `offline.items`.
  const item = $state.snapshot(shown) as OutboxItem;
  const options = { headers: { "idempotency-key": item.key } };
  try {
    const body = { expectedVersion: item.expectedVersion, base: item.base };
    const result =
      item.kind === "lks"
        ? await api.patch(
            "/t/{tenant}/lks/{lksId}",
            { ...body, profile: item.values as LksProfileInput },
            { ...options, params: { tenant: item.tenant, lksId: item.targetId } },
          )
        : await api.put(
            "/t/{tenant}/applications/{applicationId}/letter",
            {
              ...body,
              letter: item.values as { number: string; date: string; signatoryName: string; signatoryPosition: string },
            },
            { ...options, params: { tenant: item.tenant, applicationId: item.targetId } },
          );
    await deleteOutbox(item.id);
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

let running: Promise<void> | null = null;

/** Sends every pending change, oldest first; stops at the first sign of no link. */
export function syncNow(): Promise<void> {
  if (running) return running;
  running = (async () => {
    try {
      await refresh();
      for (const item of offline.items.filter((i) => i.state === "pending")) {
        const { outcome } = await send(item);
        if (outcome.kind === "sent") offline.online = true;
        if (outcome.kind === "offline") break;
      }
    } finally {
      await refresh();
      running = null;
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
  await running;
  await refresh();
  const item = fold(
    pendingFor(change.kind, change.targetId),
    change,
    () => ({ id: crypto.randomUUID(), key: newKey() }),
    Date.now(),
    userId,
  );
  hint(userId, Math.max(1, offline.items.length));
  await putOutbox($state.snapshot(item) as OutboxItem);
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
