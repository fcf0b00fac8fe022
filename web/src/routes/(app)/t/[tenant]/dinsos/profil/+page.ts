import { api, apiHref } from "#lib/api.ts";
import { readAsAdmin } from "#lib/dinsos-read.ts";
import type { PageLoad } from "./$types";

/**
 * The profile of the tenant the path names: kept on the device first (with its date), the server's
 * in the background. A tenant the caller does not administer: missing (`readAsAdmin`).
 */
export const load: PageLoad = async ({ params, parent }) => {
  await parent();
  const options = { params: { tenant: params.tenant } };
  return {
    profile: await readAsAdmin(params.tenant, apiHref("/t/{tenant}/profile", options), () =>
      api.get("/t/{tenant}/profile", { ...options, fromDevice: false }),
    ),
  };
};
