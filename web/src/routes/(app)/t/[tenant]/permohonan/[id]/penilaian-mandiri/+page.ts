import { apiHref } from "#lib/api.ts";
import { loadApplication } from "#lib/applications.ts";
import { failedOtherwise, readApi } from "#lib/offline/read-api.ts";
import { readThrough } from "#lib/offline/read.svelte.ts";
import type { PageLoad } from "./$types";

/**
 * The application (its tenant, step and return items), read through the tenant its path names, and
 * its whole self-assessment, read through the application's own tenant: both through the device's
 * store (the kept answers at once with their date, the server's in the background). Missing (what the
 * caller may not see is a 404 from the API) or never kept here and no link: the read's `failed`.
 */
export const load: PageLoad = async ({ params, parent }) => {
  await parent();
  const url = apiHref("/t/{tenant}/applications/{applicationId}", {
    params: { tenant: params.tenant, applicationId: params.id },
  });
  const application = await readThrough(url, () => loadApplication(params.id, params.tenant, false)).catch(
    failedOtherwise,
  );
  const app = application.current;
  const assessment = app
    ? await readApi("/t/{tenant}/applications/{applicationId}/self-assessment", {
        params: { tenant: app.tenant.slug, applicationId: app.id },
      }).catch(failedOtherwise)
    : null;
  return { application, assessment };
};
