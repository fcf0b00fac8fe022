import { api } from "#lib/api.ts";
import type { PageLoad } from "./$types";

const ACTIVE = ["true", "false"] as const;
/** Rows per page: a phone on a slow link gets the first names quickly; "Muat lagi" brings the rest. */
const PAGE_SIZE = 50;
const TYPES = ["LKSA", "LKS-LU", "LKSPD", "LKS-NAPZA", "LKS-ODHA", "LKS-LAIN"] as const;
const oneOf = <T extends string>(list: readonly T[], value: string | null) =>
  (list as readonly string[]).includes(value ?? "") ? (value as T) : undefined;

/**
 * The registry's first page, filtered by the page's query (name, province, LKS type, active); the
 * page asks for the next ones with the cursor ("Muat lagi"). A failed read is shown with a retry.
 */
export const load: PageLoad = async ({ fetch, url }) => {
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
  try {
    const page = await api.get("/national/asesors", { fetch, query });
    return { filters, query, items: page.items, nextCursor: page.nextCursor, loadError: null };
  } catch (e) {
    return { filters, query, items: [], nextCursor: null, loadError: e };
  }
};
