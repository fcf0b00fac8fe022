import { api } from "#lib/api.ts";
import type { PageLoad } from "./$types";

/** One asesor with ties and assignments; a failed read (or one not in the registry) is shown with a retry. */
export const load: PageLoad = async ({ fetch, params }) => {
  try {
    return {
      asesor: await api.get("/national/asesors/{asesorId}", { fetch, params: { asesorId: params.id } }),
      loadError: null,
    };
  } catch (e) {
    return { asesor: null, loadError: e };
  }
};
