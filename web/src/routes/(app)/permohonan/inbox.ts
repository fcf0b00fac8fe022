import { api, apiHref } from "#lib/api.ts";
import type { InboxItem, LKS_TYPES, Membership } from "#lib/api-types.ts";
import type { Page } from "#lib/cursor/pages.svelte.ts";

/** The inbox's filters, as the URL holds them (a reload or a shared link shows the same list). */
export interface InboxFilters {
  step: string;
  area: string;
  overdue: boolean;
  province: string;
  regency: string;
  lksType: string;
}

export const inboxFilters = (params: Pick<URLSearchParams, "get">): InboxFilters => ({
  step: params.get("step") ?? "",
  area: params.get("area") ?? "",
  overdue: params.get("overdue") === "true",
  province: params.get("province") ?? "",
  regency: params.get("regency") ?? "",
  lksType: params.get("lksType") ?? "",
});

/** BALKS acts on its inbox; a national reader who acts on nothing reads every open application. */
export const actsNationally = (membership: Membership | null) =>
  membership?.role === "balks_secretariat" || membership?.role === "balks_decider" || membership?.role === "asesor";

export type InboxPage = Page<InboxItem> & { total: number };

/**
 * One page of the list the membership reads: BALKS's inbox, every open application for a national
 * reader, or the tenant's inbox (a province's with its area filter). `url` is the GET `ask` sends,
 * where the device keeps its answer; `fromDevice: false` as `readThrough` needs (`load`'s first page),
 * and for the later pages, which come from the server.
 */
export function inboxPage(membership: Membership | null, f: InboxFilters, cursor?: string) {
  const tenant = membership?.tenant ?? null;
  if (tenant === null) {
    const query = {
      cursor,
      step: f.step || undefined,
      overdue: f.overdue ? ("true" as const) : undefined,
      province: f.province || undefined,
      regency: f.regency || undefined,
      lksType: (f.lksType || undefined) as (typeof LKS_TYPES)[number] | undefined,
    };
    const path = actsNationally(membership) ? "/national/inbox" : "/national/applications";
    return {
      url: apiHref(path, { query }),
      ask: (): Promise<InboxPage> => api.get(path, { query, fromDevice: false }),
    };
  }
  const options = {
    params: { tenant: tenant.slug },
    query: { cursor, step: f.step, area: tenant.level === "province" ? f.area : "", overdue: f.overdue ? "true" : "" },
  } as const;
  return {
    url: apiHref("/t/{tenant}/inbox", options),
    ask: (): Promise<InboxPage> => api.get("/t/{tenant}/inbox", { ...options, fromDevice: false }),
  };
}
