import { readApi } from "#lib/offline/read-api.ts";
import type { PageLoad } from "./$types";
import { registryQuery } from "./registry-query.ts";

/**
 * The registry's first page, filtered by the page's query, read through the device's store (a visited
 * filter opens offline, with its date); the page asks for the next ones with the cursor ("Muat lagi").
 */
export const load: PageLoad = async ({ url, parent }) => {
  await parent();
  const { filters, query } = registryQuery(url);
  return { filters, query, asesors: await readApi("/national/asesors", { query }) };
};
