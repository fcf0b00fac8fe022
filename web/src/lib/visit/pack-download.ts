/** Downloading a visit pack with its thumbnails, what of it is on the device, and removing it (see `pack.ts`). */
import { api } from "#lib/api.ts";
import { putRead, readsName } from "#lib/offline/state.svelte.ts";
import { packUrl, sheetUrl, stored } from "./pack.ts";
import { keepThumbnail } from "./thumbnails.ts";

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
