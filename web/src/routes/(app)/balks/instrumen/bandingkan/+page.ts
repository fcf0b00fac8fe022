import { failedOtherwise, readApi } from "#lib/offline/read-api.ts";
import type { PageLoad } from "./$types";

/**
 * The versions to choose from and, when two are chosen (`?dari=…&ke=…`), what changed between them:
 * both read through the device's store (the kept answers at once with their date, the server's in the
 * background); a version unknown, or a comparison never kept here and no link, is said in place.
 */
export const load: PageLoad = async ({ url }) => {
  const from = url.searchParams.get("dari") ?? "";
  const to = url.searchParams.get("ke") ?? "";
  const [versions, comparison] = await Promise.all([
    readApi("/national/instruments").catch(failedOtherwise),
    from && to ? readApi("/national/instruments/compare", { query: { from, to } }).catch(failedOtherwise) : null,
  ]);
  return { from, to, versions, comparison };
};
