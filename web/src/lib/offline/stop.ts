/**
 * Sign-out and an ended session (loaded then, not with every page): the person's read answers go;
 * their unsent changes, files and drafts go too when they signed out, and stay for them when the
 * session expired.
 */
import { setReadCache } from "#lib/api.ts";
import { uploads } from "#lib/uploads/lazy.svelte.ts";
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
  // Files on their way stop first, so no transfer writes its entry back after the store is cleared.
  uploads.queue?.stop();
  await import("./outbox-store.ts").then((db) => db.clearOutbox(userId)).catch(() => {});
  forget(unsentKey(userId));
  // Through the drafts' module (its own chunk, which a page with a draft form has loaded already).
  await import("#lib/person-drafts.ts").then((drafts) => drafts.clearPersonDrafts(userId)).catch(() => {});
}
