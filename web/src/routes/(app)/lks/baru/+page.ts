import { readRegions } from "#lib/offline/choices.ts";
import { ACTIVE_MEMBERSHIP, session } from "#lib/session.svelte.ts";
import type { PageLoad } from "./$types";

/**
 * The regions the address offers (which kab/kota, whose Dinsos), for a Dinsos that registers LKS in
 * the active membership's tenant: the answer kept on the device at once (with its date), the server's
 * in the background; without it the address fields fetch them.
 */
export const load: PageLoad = async ({ parent, depends }) => {
  await parent();
  depends(ACTIVE_MEMBERSHIP);
  if (session.permissionsIn(session.active?.tenant?.slug)?.mayRegisterLks !== true) return { regions: null };
  return { regions: await readRegions() };
};
