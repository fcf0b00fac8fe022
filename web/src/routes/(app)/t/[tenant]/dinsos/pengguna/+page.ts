import { api, apiHref } from "#lib/api.ts";
import { readAsAdmin } from "#lib/dinsos-read.ts";
import { readInviteChoices } from "#lib/invite-choices.ts";
import { rolesInTenant } from "#lib/roles.ts";
import { session } from "#lib/session.svelte.ts";
import type { PageLoad } from "./$types";

/**
 * The members of the tenant the path names: kept on the device first (with its date), the server's
 * in the background. A tenant the caller does not administer: missing (`readAsAdmin`). The invitation
 * form's choices the same way, not awaited (`readInviteChoices`).
 */
export const load: PageLoad = async ({ params, parent }) => {
  await parent();
  const options = { params: { tenant: params.tenant } };
  return {
    inviteChoices: rolesInTenant(session.memberships, params.tenant).has("tenant_admin")
      ? readInviteChoices(params.tenant)
      : null,
    members: await readAsAdmin(params.tenant, apiHref("/t/{tenant}/members", options), () =>
      api.get("/t/{tenant}/members", { ...options, fromDevice: false }),
    ),
  };
};
