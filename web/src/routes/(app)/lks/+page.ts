import { lksListPage } from "#lib/lks-list.ts";
import { readRegions } from "#lib/offline/choices.ts";
import { readThrough } from "#lib/offline/read.svelte.ts";
import { ACTIVE_MEMBERSHIP, session } from "#lib/session.svelte.ts";
import type { PageLoad } from "./$types";
import { registryFilters, registryOf } from "./registry.ts";

/**
 * The registry's first page for the active membership and the URL's filters, and the regions its
 * filters offer (a province's kab/kota, the national filters' provinces): each the answer kept on the
 * device at once (with its date), the server's in the background; later pages from the server.
 */
export const load: PageLoad = async ({ parent, url, depends }) => {
  await parent();
  depends(ACTIVE_MEMBERSHIP);
  const active = session.active;
  const registry = registryOf(session.memberships, active);
  if (registry === null) return { lks: null, regions: null };
  const tenant = registry === "tenant" ? (active?.tenant ?? null) : null;
  const first = lksListPage(tenant?.slug ?? null, registryFilters(url.searchParams, registry));
  const [lks, regions] = await Promise.all([
    readThrough(first.url, first.ask),
    tenant === null || tenant.level === "province" ? readRegions() : null,
  ]);
  return { lks, regions };
};
