import { api, apiHref } from "#lib/api.ts";
import { readChoices, readRegions } from "#lib/offline/choices.ts";
import { readThrough } from "#lib/offline/read.svelte.ts";
import { ACTIVE_MEMBERSHIP, session } from "#lib/session.svelte.ts";
import type { PageLoad } from "./$types";
import { inboxFilters, inboxPage } from "./inbox.ts";

/**
 * The inbox's first page for the active membership and the URL's filters, and the filters' choices
 * (the tenant's workflow, for its steps; regions for a province's areas or the national filters):
 * each the answer kept on the device at once (with its date), the server's in the background. Later
 * pages come from the server (`CursorPages`).
 */
export const load: PageLoad = async ({ parent, url, depends }) => {
  await parent();
  depends(ACTIVE_MEMBERSHIP);
  const membership = session.active;
  const tenant = membership?.tenant ?? null;
  const first = inboxPage(membership, inboxFilters(url.searchParams));
  const options = { params: { tenant: tenant?.slug ?? "" } };
  const [inbox, workflow, regions] = await Promise.all([
    readThrough(first.url, first.ask),
    tenant
      ? readChoices(apiHref("/t/{tenant}/workflow", options), () =>
          api.get("/t/{tenant}/workflow", { ...options, fromDevice: false }),
        )
      : null,
    tenant === null || tenant.level === "province" ? readRegions() : null,
  ]);
  return { inbox, workflow, regions };
};
