import { api, apiHref, isApiError } from "#lib/api.ts";
import { auditFilters, auditQuery } from "#lib/audit.ts";
import { problemMessage } from "#lib/errors.ts";
import { readAsAdmin } from "#lib/dinsos-read.ts";
import type { PageLoad } from "./$types";

/**
 * The first page of the audit log of the tenant the path names, filtered as its address says: kept
 * on the device first (with its date), the server's in the background. A tenant the caller does not
 * administer: missing (`readAsAdmin`). Filters the API refuses (a date edited into nonsense in the
 * address): its reason, naming the field, said in the list.
 */
export const load: PageLoad = async ({ params, parent, url }) => {
  await parent();
  const filters = auditFilters(url.searchParams);
  const options = { params: { tenant: params.tenant }, query: auditQuery(filters) };
  try {
    const first = await readAsAdmin(params.tenant, apiHref("/t/{tenant}/audit", options), () =>
      api.get("/t/{tenant}/audit", { ...options, fromDevice: false }),
    );
    return { filters, first, refused: null };
  } catch (e) {
    if (isApiError(e) && e.status === 400) return { filters, first: null, refused: problemMessage(e) };
    throw e;
  }
};
