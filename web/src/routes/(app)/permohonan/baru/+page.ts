import { readApi } from "#lib/offline/read-api.ts";
import { ACTIVE_MEMBERSHIP, session } from "#lib/session.svelte.ts";
import type { PageLoad } from "./$types";
import { applyingFor } from "./applying-for.ts";

/**
 * What a re-accreditation of the LKS the letter is for would carry over (its renewal plan): the answer
 * kept on the device at once (with its date), the server's in the background. Without it (never kept,
 * no link; or refused) the form still works: the API carries the same things over at creation.
 */
export const load: PageLoad = async ({ parent, url, depends }) => {
  await parent();
  depends(ACTIVE_MEMBERSHIP);
  const target = applyingFor(session.active, session.memberships, url.searchParams);
  if (!target?.lks || !target.tenant) return { plan: null };
  const options = { params: { tenant: target.tenant.slug, lksId: target.lks.id } };
  const plan = await readApi("/t/{tenant}/lks/{lksId}/renewal-plan", options).catch(() => null);
  return { plan: plan?.failed ? null : plan };
};
