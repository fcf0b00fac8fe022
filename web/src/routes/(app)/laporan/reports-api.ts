import { api, apiHref } from "#lib/api.ts";
import type { Filters, ListQuery, View } from "./view.ts";

/** Whose reports the page reads: the country's (national roles) or one Dinsos's (its province or kab/kota). */
export type Scope =
  | { kind: "national" }
  | { kind: "tenant"; slug: string; name: string; level: "province" | "kabkota"; regionCode: string };

const base = (scope: Scope) =>
  scope.kind === "national" ? "/national/reports" : `/t/${encodeURIComponent(scope.slug)}/reports`;

// The report routes are typed by the contract's schemas in ./types.ts; the client's route typing
// takes a literal path, which a scope-dependent base cannot be.
const get = api.get as unknown as <T>(
  path: string,
  options: { query?: Filters & ListQuery & { cursor?: string; limit?: number } },
) => Promise<T>;

export function readReport<T>(scope: Scope, view: View, filters: Filters): Promise<T> {
  return get<T>(`${base(scope)}/${view}`, { query: filters });
}

export function readReportLks<T>(scope: Scope, filters: Filters, cursor: string | null): Promise<T> {
  return get<T>(`${base(scope)}/lks`, { query: { ...filters, ...(cursor ? { cursor } : {}), limit: 50 } });
}

/** The applications behind a pipeline or asesor figure: exactly the figure's query. */
export function readReportApplications<T>(scope: Scope, query: Filters & ListQuery, cursor: string | null): Promise<T> {
  return get<T>(`${base(scope)}/applications`, { query: { ...query, ...(cursor ? { cursor } : {}), limit: 50 } });
}

/** A table's download (the API streams it with the filters applied and the time of its data). */
export function exportHref(
  scope: Scope,
  table: "coverage" | "lks" | "applications",
  format: "csv" | "xlsx",
  filters: Filters & ListQuery,
): string {
  const href = apiHref as unknown as (path: string, options: { query: Record<string, string> }) => string;
  return href(`${base(scope)}/${table}.${format}`, { query: { ...filters } as Record<string, string> });
}
