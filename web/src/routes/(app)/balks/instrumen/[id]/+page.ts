import { api, isApiError } from "#lib/api.ts";
import type { PageLoad } from "./$types";

/** One version with its standards, indicators and grade rules; an unknown id is "not found", not an error. */
export const load: PageLoad = async ({ fetch, params }) => {
  try {
    const instrument = await api.get("/national/instruments/{instrumentId}", {
      params: { instrumentId: params.id },
      fetch,
    });
    return { instrument, notFound: false, loadError: null };
  } catch (e) {
    if (isApiError(e) && e.status === 404) return { instrument: null, notFound: true, loadError: null };
    return { instrument: null, notFound: false, loadError: e };
  }
};
