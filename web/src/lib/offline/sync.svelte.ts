/**
 * The offline layer's live part: the read cache behind `api.get`, the outbox of changes and the
 * sync loop that sends it (at start, on `online`, every 30 s, and right after each change).
 * Changes are written to the device first; a refusal keeps the change with the server's reason,
 * a 409 with conflicts becomes a conflict for the person to settle on /perubahan.
 */
import { settleConflicts, type FieldChange } from "@akrab/domain";
import { api, setReadCache } from "#lib/api.ts";
import type { LksProfileInput } from "#lib/api-types.ts";
import { problemMessage } from "#lib/errors.ts";
import { clearUser, deleteOutbox, getRead, listOutbox, putOutbox, putRead } from "./db.ts";
import { fold, outcomeOf, type NewChange, type OutboxItem, type Outcome } from "./outbox.ts";

const LAST_USER = "akrab.offline.user";
const SYNC_EVERY_MS = 30_000;

class OfflineState {
  userId = $state<string | null>(null);
  items = $state<OutboxItem[]>([]);
  /** When the oldest data shown from the device (not the network) since the last navigation was fetched. */
  servedAt = $state<number | null>(null);
  online = $state(typeof navigator === "undefined" ? true : navigator.onLine);
  pendingFor(kind: OutboxItem["kind"], targetId: string): OutboxItem | undefined {
    return this.items.find((item) => item.kind === kind && item.targetId === targetId);
  }
}

export const offline = new OfflineState();

function lastUser(): string | null {
  try {
    return localStorage.getItem(LAST_USER);
  } catch {
    return null;
  }
}

/** Before the session is known: reads answer from the last person's store so `/auth/me` works offline. */
export function prepareOffline(): void {
  const userId = lastUser();
  if (userId && !offline.userId) useStore(userId, false);
}

function useStore(userId: string, confirmed: boolean): void {
  offline.userId = userId;
  setReadCache({
    get: async (url) => {
      if (offline.userId !== userId) return undefined;
      const read = await getRead(userId, url).catch(() => undefined);
      if (!read) return undefined;
      offline.servedAt = Math.min(offline.servedAt ?? read.fetchedAt, read.fetchedAt);
      return read.data;
    },
    put: (url, data) => {
      if (offline.userId === userId && confirmed)
        void putRead({ userId, url, data, fetchedAt: Date.now() }).catch(() => {});
    },
  });
}

let timer: ReturnType<typeof setInterval> | null = null;

/** The server confirmed who is signed in: their store, their outbox, the loop. */
export async function startOffline(me: { user: { id: string } }, meUrl: string): Promise<void> {
  const userId = me.user.id;
  if (offline.userId !== userId || !offlineConfirmed()) {
    useStore(userId, true);
    markConfirmed();
    try {
      localStorage.setItem(LAST_USER, userId);
    } catch {
      // private mode: reading offline lasts for this tab
    }
  }
  void putRead({ userId, url: meUrl, data: me, fetchedAt: Date.now() }).catch(() => {});
  if (timer) return;
  // Ask the browser to keep the store under storage pressure (a person's unsent work lives there).
  void navigator.storage?.persist?.().catch(() => false);
  addEventListener("online", onOnline);
  addEventListener("offline", onOffline);
  timer = setInterval(() => void syncNow(), SYNC_EVERY_MS);
  await refresh();
  void syncNow();
}

let confirmedFor: string | null = null;
const offlineConfirmed = () => confirmedFor === offline.userId;
const markConfirmed = () => (confirmedFor = offline.userId);

function onOnline() {
  offline.online = true;
  void syncNow();
}
function onOffline() {
  offline.online = false;
}

/** Signed out: nothing of the person stays on the device. Session expired: their unsent changes stay, for them only. */
export async function stopOffline({ signedOut }: { signedOut: boolean }): Promise<void> {
  const userId = offline.userId;
  if (timer) clearInterval(timer);
  timer = null;
  removeEventListener("online", onOnline);
  removeEventListener("offline", onOffline);
  setReadCache(null);
  offline.userId = null;
  offline.items = [];
  confirmedFor = null;
  try {
    localStorage.removeItem(LAST_USER);
  } catch {
    // nothing stored
  }
  if (userId) await clearUser(userId, { outbox: signedOut }).catch(() => {});
}

/** A new navigation starts without a date: each page shows the age of what it read itself. */
export function resetServed(): void {
  offline.servedAt = null;
}

async function refresh(): Promise<void> {
  const userId = offline.userId;
  offline.items = userId ? await listOutbox(userId).catch(() => []) : [];
}

function newKey(): string {
  return crypto.randomUUID();
}

/** Sends one item; on success it leaves the outbox. Returns what happened. */
async function send(item: OutboxItem): Promise<{ outcome: Outcome; result?: unknown }> {
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
    offline.pendingFor(change.kind, change.targetId),
    change,
    () => ({ id: crypto.randomUUID(), key: newKey() }),
    Date.now(),
    userId,
  );
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
