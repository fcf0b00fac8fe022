/**
 * The upload queue, loaded only when there is something to send: a file was just picked, or this
 * person has unfinished files on this device (a cheap count in IndexedDB, itself loaded with that
 * look, after the page's first load). A reader who never uploads (a verifier on a slow link) does
 * not download the queue, the downscaler or tus-js-client.
 */
import type { UploadQueue } from "./queue.svelte.ts";

/** The queue once loaded (reactive: pages and components show its items as soon as it is there). */
export const uploads = $state<{ queue: UploadQueue | null }>({ queue: null });

let loading: Promise<UploadQueue> | null = null;

function queueCode(): Promise<UploadQueue> {
  loading ??= import("./queue.svelte.ts").then((module) => module.uploadQueue);
  loading.catch(() => (loading = null));
  return loading;
}

/**
 * Fetches the queue's code without starting it, when a person reaches for a file picker (pointer
 * over it, or focus): it arrives while they choose the file, and is on the device if the signal
 * goes before they pick it (the service worker keeps it).
 */
export function prepareQueue(): void {
  queueCode().catch(() => {});
}

/** Loads the queue and starts it for this person (reads their stored files, resumes them). */
export async function loadQueue(userId: string): Promise<UploadQueue> {
  const queue = await queueCode();
  await queue.start(userId);
  uploads.queue = queue;
  return queue;
}

/** Starts the queue if this person left files waiting on this device (after a reload, a closed tab, a lost signal). */
export async function resumeStoredUploads(userId: string): Promise<void> {
  let waiting = 0;
  try {
    waiting = await (await import("./store.ts")).countEntries(userId);
  } catch {
    return; // no IndexedDB: nothing can have been stored (or the link dropped the chunk: the next page asks again)
  }
  if (waiting > 0 || uploads.queue) await loadQueue(userId);
}
