/**
 * The visit pack on the device: what an asesor downloads before leaving signal (the LKS's profile,
 * its self-assessment with evidence sizes, the pinned instrument, the checklist, their own sheet).
 * It is kept in the person's own store of reads (`akrab-reads-{user}`, the Cache API store every
 * page reads offline from; see `offline/state.svelte.ts`), under the pack's own API address, with the
 * time it was fetched: opening the scoring page with no signal reads it from there, and sign-out
 * deletes it with the rest of the person's data. The page reads the pack from the device first (a
 * pack is a snapshot, "Data per …"; downloading it again is the asesor's choice), the sheet from the
 * network first. Evidence originals are never part of it: each is fetched when the asesor asks.
 * The evidence thumbnails (a few KB each, made on the LKS's device) are kept in the same store
 * under their own addresses, fetched with the pack unless data saver is on (then each one when the
 * asesor asks for it, and kept from then on), so the scoring page shows them without a signal.
 */
import { API_BASE } from "#lib/api.ts";
import { readsName } from "#lib/offline/state.svelte.ts";

// What the scoring page needs at its first load lives here; downloading and removing a pack
// (/penugasan) is `pack-download.ts`, a thumbnail's keeping `thumbnails.ts` (each loads where used).
const assignmentPath = (assignmentId: string) => `${API_BASE}/me/assignments/${encodeURIComponent(assignmentId)}`;
/** The addresses `api.get` reads them from (and so stores them under). */
export const packUrl = (assignmentId: string) => `${assignmentPath(assignmentId)}/pack`;
export const sheetUrl = (assignmentId: string) => `${assignmentPath(assignmentId)}/sheet`;

export async function stored(
  userId: string,
  assignmentId: string,
): Promise<{ text: string; fetchedAt: number } | null> {
  const response = await (await caches.open(readsName(userId))).match(packUrl(assignmentId));
  if (!response) return null;
  const text = await response.text();
  return { text, fetchedAt: (JSON.parse(text) as { fetchedAt: number }).fetchedAt };
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
