import { api } from "#lib/api.ts";
import type { PageLoad } from "./$types";

/** The published versions, each offered as a filled template to start a workbook from. */
export const load: PageLoad = async ({ fetch }) => {
  try {
    const { items } = await api.get("/national/instruments", { query: { status: "published" }, fetch });
    return { published: items };
  } catch {
    // The empty template still works; the filled ones are a convenience.
    return { published: [] };
  }
};
