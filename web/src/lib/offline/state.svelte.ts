/**
 * The part of the offline layer every signed-in page loads (kept small: the first-load budget is
 * 80 KB gzip per route): the reactive state the banner and pages read, the read cache behind
 * `api.get` (it must answer `/auth/me` offline before anything else loads) and sign-out. The outbox
 * (IndexedDB) and its sync loop (`sync.svelte.ts`, through `load-sync.ts`) load on demand: with the
 * banner when this person has unsent changes on the device, when a form saves, or when /perubahan opens.
 *
 * The answers read are kept in the Cache API, one cache per person (a few lines of code, where
 * IndexedDB's would weigh on every first load); the service worker only manages its `akrab-shell-`
 * caches and leaves these alone.
 */
import { setReadCache } from "#lib/api.ts";
import type { OutboxItem } from "./outbox.ts";
import { sameSlot } from "./slot.ts";

import { getRead, LAST_USER, putRead, type StoredRead } from "./reads.ts";

export { LAST_USER, putRead, readsName } from "./reads.ts";
/** Set by the sync loop to how many changes this person left on the device (a hint: decides whether it loads). */
export const unsentKey = (userId: string) => `akrab.offline.unsent.${userId}`;

export const offline = $state({
  userId: null as string | null,
  items: [] as OutboxItem[],
  /** When the oldest data shown from the device (not the network) since the last navigation was fetched. */
  servedAt: null as number | null,
  online: typeof navigator === "undefined" ? true : navigator.onLine,
  /** The last page load left changes on the device (see `unsentKey`). */
  hinted: false,
});

/** The change to this form (document, application) still on the device, if any. */
export const pendingFor = (kind: OutboxItem["kind"], targetId: string, ref?: string): OutboxItem | undefined =>
  offline.items.find((item) => sameSlot(item, kind, targetId, ref));

/** Before the session is known: reads answer from the last person's store so `/auth/me` works offline. */
export function prepareOffline(): void {
  try {
    const userId = localStorage.getItem(LAST_USER);
    if (userId && !offline.userId) useStore(userId, false);
  } catch {
    // no storage: nothing was kept
  }
}

/**
 * The answer to `/auth/me` the server last gave this device's last person (null: none kept): a signed-in
 * page shows it at once and asks the server meanwhile (see routes/(app)/+layout.ts).
 */
export async function lastSession(meUrl: string): Promise<StoredRead | null> {
  const userId = offline.userId;
  return userId ? ((await getRead(userId, meUrl).catch(() => undefined)) ?? null) : null;
}

/** The answers of this navigation shown from the device, by URL, with when each was fetched. */
const shownFromDevice = new Map<string, number>();

/** A kept answer stands in for the server's (not yet given, or not reachable): the page says from when it is. */
export function servedFromDevice(read: StoredRead, url = ""): void {
  shownFromDevice.set(url, Math.min(shownFromDevice.get(url) ?? read.fetchedAt, read.fetchedAt));
  offline.servedAt = Math.min(...shownFromDevice.values());
}

/** The server's answer to `url` replaced the kept one: its date goes (the oldest other one stays). */
export function servedFresh(url: string): void {
  if (!shownFromDevice.delete(url)) return;
  offline.servedAt = shownFromDevice.size > 0 ? Math.min(...shownFromDevice.values()) : null;
}

/** Whether the page shown still has the kept answer to `url` (a navigation away forgets it). */
export const showsKept = (url: string): boolean => shownFromDevice.has(url);

/** This person's kept answer to `url`, if the device has one. */
export async function storedRead(url: string): Promise<StoredRead | undefined> {
  const userId = offline.userId;
  return userId ? getRead(userId, url).catch(() => undefined) : undefined;
}

/** Whether the store in use was confirmed by the server (only then are answers written to it). */
let confirmed = false;
/** Answers read before the server confirmed the store: written when it confirms that person, dropped otherwise. */
let unconfirmed: { userId: string; url: string; data: unknown }[] = [];

function useStore(userId: string, confirmedNow: boolean): void {
  offline.userId = userId;
  confirmed = confirmedNow;
  setReadCache({
    owner: userId,
    get: async (url) => {
      if (offline.userId !== userId) return undefined;
      const read = await getRead(userId, url).catch(() => undefined);
      if (!read) return undefined;
      servedFromDevice(read, url);
      return read.data;
    },
    put: async (url, data) => {
      // The server answered this URL: whatever showed the kept answer (the bell, the session) now has
      // the server's, so its date goes.
      servedFresh(url);
      if (offline.userId !== userId) return;
      if (confirmedNow) await putRead(userId, url, data).catch(() => {});
      // Read while the page opened with the kept session, before the server confirmed whose it is
      // (a page's load runs beside the layout's /auth/me): kept once it does (see `startOffline`).
      else unconfirmed.push({ userId, url, data });
    },
  });
}

if (typeof window !== "undefined") {
  addEventListener("online", () => (offline.online = true));
  addEventListener("offline", () => (offline.online = false));
}

/** The server confirmed who is signed in: their store; their outbox and loop when something waits. */
export async function startOffline(me: { user: { id: string } }, meUrl: string): Promise<void> {
  const userId = me.user.id;
  void putRead(userId, meUrl, me).catch(() => {});
  if (offline.userId === userId && confirmed) return;
  useStore(userId, true);
  confirmed = true;
  for (const read of unconfirmed) if (read.userId === userId) void putRead(userId, read.url, read.data).catch(() => {});
  unconfirmed = [];
  // The backup key comes to the device while there is signal (once per device: the module looks first).
  void import("./backup-key.ts").then((key) => key.keepBackupKey(userId)).catch(() => {});
  let waiting: string | null = "unknown";
  try {
    localStorage.setItem(LAST_USER, userId);
    waiting = localStorage.getItem(unsentKey(userId));
  } catch {
    // private mode: reading offline lasts for this tab; load the loop to look in the outbox
  }
  // Unsent changes wait on this device: the banner says so and loads the outbox and its loop.
  offline.hinted = waiting !== null;
}

/** A new navigation starts without a date: each page shows the age of what it read itself. */
export function resetServed(): void {
  shownFromDevice.clear();
  offline.servedAt = null;
}
