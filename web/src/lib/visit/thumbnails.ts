/** The evidence thumbnails kept on the device beside a visit pack (see `pack.ts`). */
import { readsName } from "#lib/offline/state.svelte.ts";

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
