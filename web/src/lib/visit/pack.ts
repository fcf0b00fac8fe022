/**
 * The visit pack on the device: what an asesor downloads before leaving signal (the LKS's profile,
 * its self-assessment with evidence sizes, the pinned instrument, the checklist, their own sheet).
 * It is kept in the person's own store of reads (`akrab-reads-{user}`, the Cache API store every
 * page reads offline from; see `offline/state.svelte.ts`), under the pack's own API address, with the
 * time it was fetched: opening the scoring page with no signal reads it from there, and sign-out
 * deletes it with the rest of the person's data. The page reads the pack from the device first (a
 * pack is a snapshot, "Data per …"; downloading it again is the asesor's choice), the sheet from the
 * network first. Evidence originals are never part of it: each is fetched when the asesor asks.
 */
import { API_BASE, api } from "#lib/api.ts";
import { putRead, readsName } from "#lib/offline/state.svelte.ts";

const assignmentPath = (assignmentId: string) => `${API_BASE}/me/assignments/${encodeURIComponent(assignmentId)}`;
/** The addresses `api.get` reads them from (and so stores them under). */
const packUrl = (assignmentId: string) => `${assignmentPath(assignmentId)}/pack`;
const sheetUrl = (assignmentId: string) => `${assignmentPath(assignmentId)}/sheet`;

export interface OnDevice {
  /** Bytes the pack takes on the device. */
  bytes: number;
  fetchedAt: number;
}

async function stored(userId: string, assignmentId: string): Promise<{ text: string; fetchedAt: number } | null> {
  const response = await (await caches.open(readsName(userId))).match(packUrl(assignmentId));
  if (!response) return null;
  const text = await response.text();
  return { text, fetchedAt: (JSON.parse(text) as { fetchedAt: number }).fetchedAt };
}

/** What of this assignment's pack is on the device (null: nothing). */
export async function packOnDevice(userId: string, assignmentId: string): Promise<OnDevice | null> {
  const found = await stored(userId, assignmentId).catch(() => null);
  return found ? { bytes: new Blob([found.text]).size, fetchedAt: found.fetchedAt } : null;
}

/** The pack as kept on the device, with when it was fetched. */
export async function packFromDevice<T>(
  userId: string,
  assignmentId: string,
): Promise<{ pack: T; fetchedAt: number } | null> {
  const found = await stored(userId, assignmentId).catch(() => null);
  if (!found) return null;
  return { pack: (JSON.parse(found.text) as { data: T }).data, fetchedAt: found.fetchedAt };
}

/**
 * The pack's size before downloading it: a HEAD on the pack's address, which the API answers with
 * the length the GET would send and no body (null: no signal or no answer, so nothing is said).
 */
export async function packSizeBeforeDownload(assignmentId: string): Promise<number | null> {
  try {
    const response = await fetch(packUrl(assignmentId), {
      method: "HEAD",
      credentials: "same-origin",
      cache: "no-store",
    });
    const length = Number(response.headers.get("content-length"));
    return response.ok && Number.isInteger(length) && length > 0 ? length : null;
  } catch {
    return null;
  }
}

/** Downloads the pack and the sheet and keeps them (awaited: "on the device" is said only once it is). */
export async function downloadPack(userId: string, assignmentId: string): Promise<OnDevice> {
  const params = { assignmentId };
  const [pack, sheet] = await Promise.all([
    api.get("/me/assignments/{assignmentId}/pack", { params }),
    api.get("/me/assignments/{assignmentId}/sheet", { params }),
  ]);
  await putRead(userId, packUrl(assignmentId), pack);
  await putRead(userId, sheetUrl(assignmentId), sheet);
  return (await packOnDevice(userId, assignmentId)) ?? { bytes: 0, fetchedAt: Date.now() };
}

/** Removes the pack and the sheet's copy (the unsent scores stay in the outbox until sent). */
export async function removePack(userId: string, assignmentId: string): Promise<void> {
  const cache = await caches.open(readsName(userId));
  await cache.delete(packUrl(assignmentId));
  await cache.delete(sheetUrl(assignmentId));
}
