import { api, isApiError } from "#lib/api.ts";
import { tenantCandidates } from "#lib/applications.ts";
import { session } from "#lib/session.svelte.ts";
import type { PageLoad } from "./$types";

/**
 * Formulir C of one application, read through the tenant in the link (`?t=`), else the tenants the
 * person acts in; an application none of them sees is "not found", not an error.
 */
export const load: PageLoad = async ({ fetch, params, url, parent }) => {
  await parent(); // the session is known once the (app) layout has loaded
  const candidates = tenantCandidates(url.searchParams.get("t"), session.active, session.memberships);
  for (const tenant of candidates) {
    try {
      const sheet = await api.get("/t/{tenant}/applications/{applicationId}/self-assessment/formulir-c", {
        params: { tenant, applicationId: params.id },
        fetch,
      });
      return { sheet, tenant, notFound: false, loadError: null };
    } catch (e) {
      if (!(isApiError(e) && (e.status === 404 || e.status === 403)))
        return { sheet: null, tenant, notFound: false, loadError: e };
    }
  }
  return { sheet: null, tenant: null, notFound: true, loadError: null };
};
