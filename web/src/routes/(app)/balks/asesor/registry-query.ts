const ACTIVE = ["true", "false"] as const;
/** Rows per page: a phone on a slow link gets the first names quickly; "Muat lagi" brings the rest. */
const PAGE_SIZE = 50;
const TYPES = ["LKSA", "LKS-LU", "LKSPD", "LKS-NAPZA", "LKS-ODHA", "LKS-LAIN"] as const;
const oneOf = <T extends string>(list: readonly T[], value: string | null) =>
  (list as readonly string[]).includes(value ?? "") ? (value as T) : undefined;

/**
 * The registry's filters as the page's URL holds them (name, province, LKS type, active), and the query
 * of its first page: the next pages ("Muat lagi") are asked with the same query and the cursor.
 */
export function registryQuery(url: URL) {
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
  return { filters, query };
}
