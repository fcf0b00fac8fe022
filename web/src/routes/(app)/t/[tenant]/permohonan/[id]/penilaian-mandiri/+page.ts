import { api, isApiError } from "#lib/api.ts";
import { loadApplication } from "#lib/applications.ts";
import type { Application, SelfAssessmentView } from "#lib/api-types.ts";
import { problemMessage } from "#lib/errors.ts";
import type { PageLoad } from "./$types";

type Loaded =
  | { app: Application; view: SelfAssessmentView; notFound: false; loadError: null }
  | { app: null; view: null; notFound: boolean; loadError: string | null };

/**
 * The application (its tenant, step and return items), read through the tenant its path names, and
 * its whole self-assessment, read through the application's own tenant. What the caller may not see is a 404 from the API: "not found".
 */
export const load: PageLoad = async ({ params, parent }): Promise<Loaded> => {
  await parent();
  try {
    const app = await loadApplication(params.id, params.tenant);
    const view = await api.get("/t/{tenant}/applications/{applicationId}/self-assessment", {
      params: { tenant: app.tenant.slug, applicationId: app.id },
    });
    return { app, view, notFound: false, loadError: null };
  } catch (e) {
    if (isApiError(e) && (e.status === 404 || e.status === 403))
      return { app: null, view: null, notFound: true, loadError: null };
    return { app: null, view: null, notFound: false, loadError: problemMessage(e) };
  }
};
