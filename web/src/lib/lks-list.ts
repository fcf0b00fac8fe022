import { api, apiHref } from "#lib/api.ts";

/**
 * One page of an LKS registry: a tenant's (a province's holds its kab/kota's LKS too), or the national
 * one (`tenantSlug` null). `url` is the GET `ask` sends, where the device keeps its answer: a page's
 * `load` reads the first page through it (`fromDevice: false`, as `readThrough` needs).
 */
export function lksListPage(
  tenantSlug: string | null,
  filters: Record<string, string>,
  { cursor, limit = 20, fromDevice = false }: { cursor?: string; limit?: number; fromDevice?: boolean } = {},
) {
  const query = { ...filters, cursor, limit };
  if (tenantSlug === null)
    return {
      url: apiHref("/national/lks", { query }),
      ask: () => api.get("/national/lks", { query, fromDevice }),
    };
  const params = { tenant: tenantSlug };
  return {
    url: apiHref("/t/{tenant}/lks", { params, query }),
    ask: () => api.get("/t/{tenant}/lks", { params, query, fromDevice }),
  };
}

/** The Kemensos units: the national registry's central-government units (BALKS keeps them). */
export const KEMENSOS_FILTERS = { ownership: "central_government" };
