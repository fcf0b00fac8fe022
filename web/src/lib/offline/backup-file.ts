/**
 * Saving and restoring the backup file on /perubahan (loaded with that page). Works offline: the
 * outbox is on the device, and so is the person's backup key once fetched online (`api.get`
 * answers from the person's read store without a link; see `keepBackupKey` in state.svelte.ts).
 */
import { api, isApiError } from "#lib/api.ts";
import { backupFileName, itemsToImport, signBackup, verifyBackup, type VerifyResult } from "./backup.ts";
import { listOutbox, putOutbox } from "./outbox-store.ts";
import { offline } from "./state.svelte.ts";
import { syncNow } from "./sync.svelte.ts";

/** The key was never fetched on this device and there is no link to fetch it now. */
export class NoBackupKey extends Error {}

async function backupKey() {
  try {
    return await api.get("/auth/backup-key");
  } catch (e) {
    if (isApiError(e) && e.status === 0) throw new NoBackupKey();
    throw e;
  }
}

function signedInUser(): string {
  if (!offline.userId) throw new Error("backup: no signed-in person");
  return offline.userId;
}

/** Signs this person's unsent changes and hands the file to the browser's download. */
export async function saveBackup(userName: string): Promise<{ count: number; name: string }> {
  const userId = signedInUser();
  const key = await backupKey();
  const items = await listOutbox(userId);
  const now = new Date();
  const file = await signBackup(key, { userName, items, createdAt: now });
  const name = backupFileName(now);
  // The items keep the key order they were stored in: re-sent from another device, each body is
  // byte for byte the first one, which the server's idempotency check needs to replay its answer.
  const url = URL.createObjectURL(new Blob([JSON.stringify(file, null, 2)], { type: "application/json" }));
  const link = Object.assign(document.createElement("a"), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { count: items.length, name };
}

export type RestoreResult = Exclude<VerifyResult, { ok: true }> | { ok: true; added: number; already: number };

/**
 * Adds a backup file's changes to this person's outbox, then sends them. Each keeps its
 * Idempotency-Key: if the device that made the file already sent it, the server answers with the
 * first result and applies nothing twice.
 */
export async function restoreBackup(file: Blob): Promise<RestoreResult> {
  const userId = signedInUser();
  const verified = await verifyBackup(await file.text(), await backupKey());
  if (!verified.ok) return verified;
  const present = await listOutbox(userId);
  const added = itemsToImport(verified.file, present);
  for (const item of added) await putOutbox(item);
  void syncNow();
  return { ok: true, added: added.length, already: verified.file.items.length - added.length };
}
