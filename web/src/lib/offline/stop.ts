/**
 * Sign-out and an ended session (loaded then, not with every page): the person's read answers go;
 * their unsent changes go too when they signed out, and stay for them when the session expired.
 */
import { setReadCache } from "#lib/api.ts";
import { loadedSync } from "./load-sync.ts";
import { LAST_USER, offline, readsName, unsentKey } from "./state.svelte.ts";

function forget(key: string): void {
  try {
    localStorage.removeItem(key);
  } catch {
    // nothing stored
  }
}

export async function stopOffline({ signedOut }: { signedOut: boolean }): Promise<void> {
  const userId = offline.userId;
  (await loadedSync()?.catch(() => null))?.stopSync();
  setReadCache(null);
  offline.userId = null;
  offline.items = [];
  offline.hinted = false;
  forget(LAST_USER);
  if (!userId) return;
  await caches.delete(readsName(userId)).catch(() => false);
  if (!signedOut) return;
  await import("./db.ts").then((db) => db.clearOutbox(userId)).catch(() => {});
  forget(unsentKey(userId));
}
