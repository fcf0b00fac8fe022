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
import { API_BASE, api } from "#lib/api.ts";
import { putRead, readsName } from "#lib/offline/state.svelte.ts";

const assignmentPath = (assignmentId: string) => `${API_BASE}/me/assignments/${encodeURIComponent(assignmentId)}`;
/** The addresses `api.get` reads them from (and so stores them under). */
const packUrl = (assignmentId: string) => `${assignmentPath(assignmentId)}/pack`;
const sheetUrl = (assignmentId: string) => `${assignmentPath(assignmentId)}/sheet`;

/** The evidence thumbnails a pack lists (the parts of it this file needs). */
interface Listed {
  selfAssessment: { evidence: { thumbnail: { url: string; size: number } | null }[] };
}
const thumbnailUrls = (pack: Listed): string[] => [
  ...new Set(pack.selfAssessment.evidence.flatMap((e) => (e.thumbnail ? [e.thumbnail.url] : []))),
];

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

/** What of this assignment's pack is on the device, its kept thumbnails counted (null: nothing). */
export async function packOnDevice(userId: string, assignmentId: string): Promise<OnDevice | null> {
  try {
    const found = await stored(userId, assignmentId);
    if (!found) return null;
    const cache = await caches.open(readsName(userId));
    const urls = thumbnailUrls((JSON.parse(found.text) as { data: Listed }).data);
    const kept = await Promise.all(urls.map(async (url) => (await (await cache.match(url))?.blob())?.size ?? 0));
    return { bytes: kept.reduce((sum, b) => sum + b, new Blob([found.text]).size), fetchedAt: found.fetchedAt };
  } catch {
    return null;
  }
}

/** A thumbnail kept on the device (null: not kept, or no device store). */
export async function thumbnailOnDevice(userId: string, url: string): Promise<Blob | null> {
  try {
    return (await (await caches.open(readsName(userId))).match(url))?.blob() ?? null;
  } catch {
    return null;
  }
}

/** Fetches a thumbnail and keeps it on the device beside the pack (throws without a link). */
export async function keepThumbnail(userId: string, url: string): Promise<Blob> {
  const response = await fetch(url, { credentials: "same-origin" });
  if (!response.ok) throw new Error(`thumbnail ${response.status}`);
  const blob = await response.blob();
  await (await caches.open(readsName(userId))).put(url, new Response(blob, { headers: { "content-type": blob.type } }));
  return blob;
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
 * the length the GET would send and what its thumbnails add, and no body (null: no signal or no
 * answer, so nothing is said).
 */
export async function packSizeBeforeDownload(
  assignmentId: string,
): Promise<{ pack: number; thumbnails: number } | null> {
  try {
    const response = await fetch(packUrl(assignmentId), {
      method: "HEAD",
      credentials: "same-origin",
      cache: "no-store",
    });
    const length = Number(response.headers.get("content-length"));
    const thumbnails = Number(response.headers.get("akrab-thumbnails-length") ?? 0);
    if (!response.ok || !Number.isInteger(length) || length <= 0) return null;
    return { pack: length, thumbnails: Number.isInteger(thumbnails) ? thumbnails : 0 };
  } catch {
    return null;
  }
}

/**
 * Downloads the pack and the sheet and keeps them, with the thumbnails unless `thumbnails` is false
 * (data saver) (awaited: "on the device" is said only once it is). A thumbnail that fails to come
 * does not fail the pack: the page offers it again on request.
 */
export async function downloadPack(userId: string, assignmentId: string, thumbnails: boolean): Promise<OnDevice> {
  const params = { assignmentId };
  const [pack, sheet] = await Promise.all([
    api.get("/me/assignments/{assignmentId}/pack", { params }),
    api.get("/me/assignments/{assignmentId}/sheet", { params }),
  ]);
  await putRead(userId, packUrl(assignmentId), pack);
  await putRead(userId, sheetUrl(assignmentId), sheet);
  // Two at a time: on a thin link, a few small requests in flight use it as well as many.
  const urls = thumbnails ? thumbnailUrls(pack) : [];
  const next = async (): Promise<void> => {
    const url = urls.shift();
    if (url === undefined) return;
    await keepThumbnail(userId, url).catch(() => undefined);
    await next();
  };
  await Promise.all([next(), next()]);
  return (await packOnDevice(userId, assignmentId)) ?? { bytes: 0, fetchedAt: Date.now() };
}

/** Removes the pack, its thumbnails and the sheet's copy (the unsent scores stay in the outbox until sent). */
export async function removePack(userId: string, assignmentId: string): Promise<void> {
  const cache = await caches.open(readsName(userId));
  const found = await stored(userId, assignmentId).catch(() => null);
  const urls = found ? thumbnailUrls((JSON.parse(found.text) as { data: Listed }).data) : [];
  for (const url of urls) await cache.delete(url);
  await cache.delete(packUrl(assignmentId));
  await cache.delete(sheetUrl(assignmentId));
}
