import { readApi } from "#lib/offline/read-api.ts";
import type { PageLoad } from "./$types";

const ACTIVE = ["true", "false"] as const;
/** Rows per page: a phone on a slow link gets the first names quickly; "Muat lagi" brings the rest. */
const PAGE_SIZE = 50;
const TYPES = ["LKSA", "LKS-LU", "LKSPD", "LKS-NAPZA", "LKS-ODHA", "LKS-LAIN"] as const;
const oneOf = <T extends string>(list: readonly T[], value: string | null) =>
  (list as readonly string[]).includes(value ?? "") ? (value as T) : undefined;

/**
 * The registry's first page, filtered by the page's query (name, province, LKS type, active), read
 * through the device's store (a visited filter opens offline, with its date); the page asks for the
 * next ones with the cursor ("Muat lagi").
 */
export const load: PageLoad = async ({ url, parent }) => {
  await parent();
  const filters = {
    q: url.searchParams.get("q") ?? "",
    province: url.searchParams.get("province") ?? "",
    lksType: url.searchParams.get("lksType") ?? "",
    active: url.searchParams.get("active") ?? "",
  };
  const query = {
    q: filters.q || undefined,
    province: filters.province || undefined,
    lksType: oneOf(TYPES, filters.lksType),
    active: oneOf(ACTIVE, filters.active),
    limit: PAGE_SIZE,
  };
  return { filters, query, asesors: await readApi("/national/asesors", { query }) };
};
