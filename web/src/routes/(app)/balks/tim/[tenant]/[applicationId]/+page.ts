import { api } from "#lib/api.ts";
import type { PageLoad } from "./$types";

/** The ranked candidates and the team as it stands; a failed read is shown on the page with a retry. */
export const load: PageLoad = async ({ fetch, params }) => {
  const path = { tenant: params.tenant, applicationId: params.applicationId };
  try {
    const [candidates, team] = await Promise.all([
      api.get("/national/applications/{tenant}/{applicationId}/asesor-candidates", { fetch, params: path }),
      api.get("/national/applications/{tenant}/{applicationId}/team", { fetch, params: path }),
    ]);
    return { path, candidates, team, loadError: null };
  } catch (e) {
    return { path, candidates: null, team: null, loadError: e };
  }
};
