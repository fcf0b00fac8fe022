import { api } from "#lib/api.ts";
import type { PageLoad } from "./$types";

/** The signed-in asesor's assignments; a failed read is shown on the page with a retry. */
export const load: PageLoad = async ({ fetch }) => {
  try {
    const { items } = await api.get("/me/assignments", { fetch });
    return { items, loadError: null };
  } catch (e) {
    return { items: [], loadError: e };
  }
};
