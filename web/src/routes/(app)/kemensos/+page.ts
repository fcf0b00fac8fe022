import { KEMENSOS_FILTERS, lksListPage } from "#lib/lks-list.ts";
import { readThrough } from "#lib/offline/read.svelte.ts";
import { session } from "#lib/session.svelte.ts";
import type { PageLoad } from "./$types";

/**
 * The Kemensos units' first page, for the BALKS secretariat who keeps them: the answer kept on the
 * device at once (with its date), the server's in the background; later pages from the server.
 */
export const load: PageLoad = async ({ parent }) => {
  await parent();
  if (!session.memberships.some((mm) => mm.tenant === null && mm.role === "balks_secretariat")) return { units: null };
  const first = lksListPage(null, KEMENSOS_FILTERS);
  return { units: await readThrough(first.url, first.ask) };
};
