/**
 * The offline layer's outbox of changes and the sync loop that sends it (at start, on `online`,
 * every 30 s, and right after each change); loaded on demand by `state.svelte.ts`.
 * Changes are written to the device first; a refusal keeps the change with the server's reason,
 * a 409 with conflicts becomes a conflict for the person to settle on /perubahan.
 */
import { settleConflicts, type FieldChange } from "@akrab/domain";
import { keepBackupKey } from "./backup-key.ts";
import { OUTBOX_SYNC_TAG, SYNC_OUTBOX } from "./messages.ts";
import { deleteOutbox, listOutbox, putOutbox } from "./outbox-store.ts";
import { changesNothing, fold, UPLOAD_DONE, type NewChange, type OutboxItem, type Outcome } from "./outbox.ts";
import { sendItem, waitsForFiles } from "./send.ts";
import { changeSavedOnDevice } from "#lib/pwa/device.svelte.ts";
import { offline, pendingFor, unsentKey } from "./state.svelte.ts";

const SYNC_EVERY_MS = 30_000;

let timer: ReturnType<typeof setInterval> | null = null;

function onOnline() {
  void syncNow();
}

/**
 * The service worker's Background Sync fired while this page is open: the page sends (and shows
 * it), then tells the worker how many still wait (more than none: the browser tries again later).
 */
function onWorkerMessage(event: MessageEvent) {
  if ((event.data as { type?: string } | null)?.type !== SYNC_OUTBOX) return;
  void syncNow().then(() => event.ports[0]?.postMessage(offline.items.filter((i) => i.state === "pending").length));
}

interface SyncRegistration {
  sync: { register(tag: string): Promise<void> };
}

/**
 * Where the browser has Background Sync, a change that waits is also the service worker's to send
 * when a link appears, even if the person closed the page by then.
 */
function registerBackgroundSync(): void {
  if (!("SyncManager" in globalThis) || !navigator.serviceWorker) return;
  void navigator.serviceWorker.ready
    .then((registration) => (registration as unknown as SyncRegistration).sync.register(OUTBOX_SYNC_TAG))
    .catch(() => {
      // refused (e.g. permission off): the page's loop still sends
    });
}

/** Starts the loop for the signed-in person (once): their outbox now, then on `online` and every 30 s. */
export async function startSync(): Promise<void> {
  if (timer) return;
  // Ask the browser to keep the outbox under storage pressure (a person's unsent work lives there).
  void navigator.storage?.persist?.().catch(() => false);
  addEventListener("online", onOnline);
  navigator.serviceWorker?.addEventListener("message", onWorkerMessage);
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
  navigator.serviceWorker?.removeEventListener("message", onWorkerMessage);
  removeEventListener(UPLOAD_DONE, onOnline);
}

async function refresh(): Promise<void> {
  const userId = offline.userId;
  offline.items = userId ? await listOutbox(userId).catch(() => []) : [];
  if (userId) hint(userId, offline.items.length);
  if (offline.items.some((item) => item.state === "pending")) registerBackgroundSync();
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

/** Sends one item (`send.ts`, shared with the service worker); on success it leaves the outbox. */
async function send(shown: OutboxItem): Promise<{ outcome: Outcome; result?: unknown }> {
  // A plain copy: IndexedDB cannot store the reactive proxies of `offline.items`.
  const item = $state.snapshot(shown) as OutboxItem;
  inFlight.add(item.id);
  try {
    const sent = await sendItem(item);
    if (sent.outcome.kind === "offline") offline.online = false;
    return sent;
  } finally {
    inFlight.delete(item.id);
  }
}

/** The items being sent right now (a run started meanwhile leaves them to the send under way). */
const inFlight = new Set<string>();

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
        if (await waitsForFiles(item)) continue;
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
  changeSavedOnDevice();
  if (await waitsForFiles(item)) {
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
  // A reconciliation write or an improvement-plan answer is one act: once it changes nothing (the
  // server's kept in every field it changed) there is nothing to send (sending it again would clear
  // the members' answers and the signatures, or answer the item again with someone else's note).
  if ((plain.kind === "reconciliation" || plain.kind === "improvement") && changesNothing(settled)) {
    await discard(plain);
    return;
  }
  await putOutbox({ ...plain, ...settled, state: "pending", conflicts: [], lastError: null, key: newKey() });
  await syncNow();
}
