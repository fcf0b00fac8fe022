import { readRegions } from "#lib/offline/choices.ts";
import { session } from "#lib/session.svelte.ts";
import type { PageLoad } from "./$types";

/**
 * The regions the address offers (its province decides whose tenant holds the unit), for the BALKS
 * secretariat: the answer kept on the device at once (with its date), the server's in the background;
 * without it the address fields fetch them.
 */
export const load: PageLoad = async ({ parent }) => {
  await parent();
  if (!session.memberships.some((mm) => mm.tenant === null && mm.role === "balks_secretariat"))
    return { regions: null };
  return { regions: await readRegions() };
};
