/**
 * The person's backup key (see backup.ts) brought to the device while online, so that "Simpan
 * cadangan" works later without signal: kept in the person's read store like any answer read
 * (where `api.get` finds it offline), deleted with it at sign-out. Fetched once per device: when the
 * server confirms the session on a signed-in page (state.svelte.ts: the sign-in page is not a SvelteKit
 * page and loads none of this), and when the sync loop starts online.
 */
import { api } from "#lib/api.ts";
import { putRead, readsName } from "./state.svelte.ts";

const URL = "/api/v1/auth/backup-key";

export async function keepBackupKey(userId: string): Promise<void> {
  try {
    if (await (await caches.open(readsName(userId))).match(URL)) return;
    await putRead(userId, URL, await api.get("/auth/backup-key"));
  } catch {
    // offline or no Cache API: tried again the next time the loop starts
  }
}
