import { api, apiHref, type ResponseOf } from "#lib/api.ts";
import { type Read, readThrough } from "#lib/offline/read.svelte.ts";

type LksPage = ResponseOf<"get", "/t/{tenant}/lks">;
/** What `InviteForm` offers for an operator: the tenant's LKS (null: the read failed otherwise). */
export type InviteChoices = Promise<Read<LksPage> | null>;

/**
 * The LKS an operator may be invited for, read by the `load` of a page that shows `InviteForm`: every
 * LKS of the tenant, page by page (an operator may be invited for any of them), through the device's
 * store like the page's data. The device keeps the first page (what a GET of its URL answers); the
 * server's whole list replaces it in the background. Not awaited by the load: only the operator's
 * choice needs it, and the page must not wait on a long list.
 */
export function readInviteChoices(tenant: string): InviteChoices {
  const params = { tenant };
  const query = { limit: 200 };
  return readThrough(apiHref("/t/{tenant}/lks", { params, query }), async () => {
    const first = await api.get("/t/{tenant}/lks", { params, query, fromDevice: false });
    const items = [...first.items];
    for (let cursor = first.nextCursor; cursor; ) {
      const next = await api.get("/t/{tenant}/lks", { params, query: { ...query, cursor }, fromDevice: false });
      items.push(...next.items);
      cursor = next.nextCursor;
    }
    return { ...first, items, nextCursor: null };
  }).catch(() => null);
}
