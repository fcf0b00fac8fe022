import { api } from "#lib/api.ts";
import type { PageLoad } from "./$types";
import type { PublicStatistics } from "./types.ts";

/** The public aggregates; a failed read is shown with the reason (the page has nothing else to show). */
export const load: PageLoad = async ({ fetch }) => {
  const get = api.get as unknown as (path: string, options: { fetch: typeof fetch }) => Promise<PublicStatistics>;
  try {
    return { stats: await get("/public/statistics", { fetch }), loadError: null };
  } catch (e) {
    return { stats: null, loadError: e };
  }
};
