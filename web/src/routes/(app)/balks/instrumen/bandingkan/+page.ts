import { api } from "#lib/api.ts";
import type { PageLoad } from "./$types";

/** The versions to choose from and, when two are chosen (`?dari=…&ke=…`), what changed between them. */
export const load: PageLoad = async ({ fetch, url }) => {
  const from = url.searchParams.get("dari") ?? "";
  const to = url.searchParams.get("ke") ?? "";
  try {
    const [{ items }, comparison] = await Promise.all([
      api.get("/national/instruments", { fetch }),
      from && to ? api.get("/national/instruments/compare", { query: { from, to }, fetch }) : Promise.resolve(null),
    ]);
    return { items, from, to, comparison, loadError: null };
  } catch (e) {
    return { items: [], from, to, comparison: null, loadError: e };
  }
};
