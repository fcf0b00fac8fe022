/**
 * How a signed-in page reads its data (from `load` in its `+page.ts`): local first. When this person's
 * store on the device has the answer, `load` returns it at once, the page says from when it is ("Data
 * per …"), and the server is asked in the background (stale-while-revalidate): the read's `current`
 * turns into the server's answer when it arrives, and the date goes. With nothing kept, `load` waits
 * for the server. A missing record, or nothing kept and no link, is the read's `failed`: the page says
 * so in place. (Not SvelteKit's `error()`: with the one-chunk runtime its version check reads no version
 * and every error page of a load reloads itself endlessly; see tests/e2e/offline-reads.test.ts.)
 */
import { isApiError } from "#lib/api.ts";
import { servedFresh, servedFromDevice, showsKept, storedRead } from "./state.svelte.ts";

export interface Read<T> {
  /** The answer: the device's first when it had one, the server's once that arrives (reactive); null when failed. */
  readonly current: T | null;
  /** Why there is no answer: missing (or not the caller's), or not kept on this device and no link. */
  readonly failed: "missing" | "not-kept" | null;
  /** When the kept answer shown was fetched; null once the server answered. */
  readonly fetchedAt: number | null;
}

/** After a try that found no link: the next `online` event, or a minute (a browser may not notice). */
const linkBack = () =>
  new Promise<void>((resolve) => {
    addEventListener("online", () => resolve(), { once: true });
    setTimeout(resolve, 60_000);
  });

/**
 * Reads for a page's `load`: `url` is where the answer is kept on the device (the API URL of the GET
 * that `ask` sends first); `ask` must not answer from the device itself (`fromDevice: false`). A 403
 * reads as missing, as the API's own access rule says.
 */
export async function readThrough<T>(url: string, ask: () => Promise<T>): Promise<Read<T>> {
  const kept = await storedRead(url);
  if (!kept) {
    try {
      const data = await ask();
      return { current: data, fetchedAt: null, failed: null };
    } catch (e) {
      if (isApiError(e) && (e.status === 404 || e.status === 403))
        return { current: null, fetchedAt: null, failed: "missing" };
      if (isApiError(e) && e.status === 0) return { current: null, fetchedAt: null, failed: "not-kept" };
      throw e;
    }
  }

  servedFromDevice(kept, url);
  let current = $state(kept.data as T);
  let fetchedAt = $state<number | null>(kept.fetchedAt);
  void (async () => {
    // Until the server answers, while this page still shows the kept answer (a navigation away ends it).
    while (showsKept(url)) {
      try {
        current = await ask();
        fetchedAt = null;
        servedFresh(url);
        return;
      } catch (e) {
        // Refused now (gone, or no longer this person's): the page keeps what it showed, with its date.
        if (!(isApiError(e) && e.status === 0)) return;
        await linkBack();
      }
    }
  })();
  return {
    get current() {
      return current;
    },
    get fetchedAt() {
      return fetchedAt;
    },
    failed: null,
  };
}
