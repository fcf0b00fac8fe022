import { api } from "#lib/api.ts";
import type { PageLoad } from "./$types";

const ACTIVE = ["true", "false"] as const;
const TYPES = ["LKSA", "LKS-LU", "LKSPD", "LKS-NAPZA", "LKS-ODHA", "LKS-LAIN"] as const;
const oneOf = <T extends string>(list: readonly T[], value: string | null) =>
  (list as readonly string[]).includes(value ?? "") ? (value as T) : undefined;

/** The registry filtered by the page's query (name, province, LKS type, active); a failed read is shown with a retry. */
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
    limit: 100,
  };
  try {
    const page = await api.get("/national/asesors", { fetch, query });
    return { filters, items: page.items, loadError: null };
  } catch (e) {
    return { filters, items: [], loadError: e };
  }
};
