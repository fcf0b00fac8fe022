import { api, apiHref, type PathFor, type ResponseOf } from "#lib/api.ts";
import { type Read, readThrough } from "./read.svelte.ts";

/** A read that failed otherwise than missing or not kept (a server error): the page says it, with a retry. */
export const failedOtherwise = (error: unknown) => ({ current: null, failed: null, fetchedAt: null, error });

type GetArgs<P extends PathFor<"get">> = Parameters<typeof api.get<P>> extends [unknown, ...infer Rest] ? Rest : never;

/**
 * `readThrough` of one API GET, for a page's `load`: kept on the device under the GET's own URL, asked
 * of the server with `fromDevice: false` (the kept answer is shown by `readThrough` itself, with its date).
 */
export function readApi<P extends PathFor<"get">>(
  path: P,
  ...[options]: GetArgs<P>
): Promise<Read<ResponseOf<"get", P>>> {
  // The call's types were checked against `api.get`'s own above; the two calls below only pass them on.
  const get = api.get as (path: P, options?: object) => Promise<ResponseOf<"get", P>>;
  const href = apiHref as (path: P, options?: object) => string;
  const given = options as object | undefined;
  return readThrough(href(path, given), () => get(path, { ...given, fromDevice: false }));
}
