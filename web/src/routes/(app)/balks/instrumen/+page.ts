import { api } from "#lib/api.ts";
import type { PageLoad } from "./$types";

/** Every instrument version, newest first; a failed read is shown on the page with a retry. */
export const load: PageLoad = async ({ fetch }) => {
  try {
    const { items } = await api.get("/national/instruments", { fetch });
    return { items, loadError: null };
  } catch (e) {
    return { items: [], loadError: e };
  }
};
