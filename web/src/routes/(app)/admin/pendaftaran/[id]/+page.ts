import { readApi } from "#lib/offline/read-api.ts";
import { session } from "#lib/session.svelte.ts";
import type { PageLoad } from "./$types";

/**
 * One Dinsos's sign-up for a platform admin, read through the device's store (kept at once with its
 * date, the server's in the background). Not found (or not the caller's to see) is said in place.
 */
export const load: PageLoad = async ({ params, parent }) => {
  await parent();
  if (!session.memberships.some((membership) => membership.role === "platform_admin"))
    return { allowed: false, signup: null };
  return {
    allowed: true,
    signup: await readApi("/national/tenant-signups/{signupId}", { params: { signupId: params.id } }),
  };
};
