import { api, apiHref, type ResponseOf } from "#lib/api.ts";
import { type Read, readThrough } from "./read.svelte.ts";

const answered = new Map<string, Read<unknown>>();

/**
 * The choices a page's `load` offers in its filters or forms (regions, a workflow's steps), read
 * through the device's store like the page's data; once the server answered, that answer serves the
 * rest of this visit (they change rarely: a new filter reads the list again, not its choices). Null
 * when unread (never kept, no link; or refused): the page offers fewer choices, and still works.
 */
export async function readChoices<T>(url: string, ask: () => Promise<T>): Promise<Read<T> | null> {
  const known = answered.get(url) as Read<T> | undefined;
  if (known && known.fetchedAt === null && known.current !== null) return known;
  const read = await readThrough(url, ask).catch(() => null);
  if (read) answered.set(url, read);
  else answered.delete(url);
  return read;
}

/** Every province and kabupaten/kota, with whether its Dinsos uses Akrab. */
export const readRegions = (): Promise<Read<ResponseOf<"get", "/public/regions">> | null> =>
  readChoices(apiHref("/public/regions"), () => api.get("/public/regions", { fromDevice: false }));
