import { apiHref } from "#lib/api.ts";
import { loadApplication } from "#lib/applications.ts";
import { readThrough } from "#lib/offline/read.svelte.ts";
import type { PageLoad } from "./$types";

/**
 * The application, read through the tenant its path names: the answer kept on the device at once
 * (with its date), the server's in the background; nothing kept, the server's. Missing or not the
 * caller's: the 404 page.
 */
export const load: PageLoad = async ({ params, parent }) => {
  await parent();
  const url = apiHref("/t/{tenant}/applications/{applicationId}", {
    params: { tenant: params.tenant, applicationId: params.id },
  });
  return { application: await readThrough(url, () => loadApplication(params.id, params.tenant, false)) };
};
