import { readApi } from "#lib/offline/read-api.ts";
import { session } from "#lib/session.svelte.ts";
import type { PageLoad } from "./$types";

/**
 * The Kemensos unit BALKS's secretariat changes, read through the tenant that holds it (the path's),
 * as its profile page reads it (the same answer kept on the device): the kept one at once with its
 * date, the server's in the background. Only the secretariat reads it here.
 */
export const load: PageLoad = async ({ params, parent }) => {
  await parent();
  if (!session.memberships.some((mm) => mm.tenant === null && mm.role === "balks_secretariat")) return { lks: null };
  const options = { params: { tenant: params.tenant, lksId: params.id } };
  return { lks: await readApi("/t/{tenant}/lks/{lksId}", options) };
};
