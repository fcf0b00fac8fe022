import { api, isApiError } from "#lib/api.ts";
import type { PageLoad } from "./$types";

/**
 * Formulir C of one application, read through the tenant its path names; an application that
 * tenant does not show this person is "not found", not an error.
 */
export const load: PageLoad = async ({ fetch, params, parent }) => {
  await parent(); // the session is known once the (app) layout has loaded
  const tenant = params.tenant;
  try {
    const sheet = await api.get("/t/{tenant}/applications/{applicationId}/self-assessment/formulir-c", {
      params: { tenant, applicationId: params.id },
      fetch,
    });
    return { sheet, tenant, notFound: false, loadError: null };
  } catch (e) {
    if (isApiError(e) && (e.status === 404 || e.status === 403))
      return { sheet: null, tenant, notFound: true, loadError: null };
    return { sheet: null, tenant, notFound: false, loadError: e };
  }
};
