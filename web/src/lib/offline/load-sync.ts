/**
 * The outbox and its loop, loaded once and started for the signed-in person. Imported only by what
 * loads later itself (the banner, the forms' save, /perubahan, sign-out), so no first load carries it.
 */
import { offline } from "./state.svelte.ts";

type Sync = typeof import("./sync.svelte.ts");
let syncModule: Promise<Sync> | null = null;

export async function loadSync(): Promise<Sync> {
  syncModule ??= import("./sync.svelte.ts");
  syncModule.catch(() => (syncModule = null));
  const sync = await syncModule;
  if (offline.userId) await sync.startSync();
  return sync;
}

/** The sync module if it was loaded (sign-out stops its loop). */
export const loadedSync = () => syncModule;
