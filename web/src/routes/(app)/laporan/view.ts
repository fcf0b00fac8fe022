import { COVERAGE_CATEGORIES, type CoverageCategory, LKS_TYPES, type LksType } from "@akrab/domain";
import type { operations } from "#lib/api-schema.d.ts";

/**
 * The dashboard's whole view lives in its URL (issue 15: a view can be shared): which report,
 * which area (none: the caller's whole scope; a province; a kab/kota), the map's measure, the
 * filters the API takes under the same names, and the list behind a figure when one is open.
 */
const VIEWS = ["coverage", "pipeline", "asesors"] as const;
export type View = (typeof VIEWS)[number];

/** The report API's filters, named as in its query (and in the drill-down lists'). */
const FILTER_KEYS = ["province", "regency", "lksType", "from", "to", "grade", "category"] as const;
type FilterKey = (typeof FILTER_KEYS)[number];
export type Filters = Partial<Record<FilterKey, string>>;

/** What the map can be coloured by: every coverage category, plus the total and the accredited (A+B+C). */
export const MEASURE_TOTAL = "total";
export const MEASURE_ACCREDITED = "accredited";

/**
 * The application list's own filters (the report API's names): which figure's rows it shows — a
 * step, an SLA breach of a tenant, a month's decisions or visits, returns and a reason, an asesor.
 */
const LIST_KEYS = [
  "tenant",
  "step",
  "overdue",
  "decidedMonth",
  "outcome",
  "visitedMonth",
  "returned",
  "reason",
  "asesor",
  "pair",
] as const;
type ListKey = (typeof LIST_KEYS)[number];
export type ListQuery = Partial<Record<ListKey, string>>;

const LIST_PATTERNS: Record<ListKey, RegExp> = {
  tenant: /^[a-z0-9-]{2,64}$/,
  step: /^[a-z_]{2,40}$/,
  overdue: /^true$/,
  decidedMonth: /^\d{4}-(0[1-9]|1[0-2])$/,
  outcome: /^(accredited|not_accredited)$/,
  visitedMonth: /^\d{4}-(0[1-9]|1[0-2])$/,
  returned: /^true$/,
  reason: /^[^\s]{1,200}$/,
  asesor: /^[\w-]{1,64}$/,
  pair: /^[\w-]{1,64}~[\w-]{1,64}$/,
};

export interface DashboardView {
  view: View;
  filters: Filters;
  measure: string;
  /** The list behind a figure shown instead of the figures (LKS or applications), or none. */
  list: "lks" | "applications" | null;
  /** With the application list: which figure's rows. */
  listQuery?: ListQuery;
}

const PATTERNS: Record<FilterKey, RegExp> = {
  province: /^\d{2}$/,
  regency: /^\d{2}\.\d{2}$/,
  lksType: /^[A-Z-]{3,12}$/,
  from: /^\d{4}-(0[1-9]|1[0-2])$/,
  to: /^\d{4}-(0[1-9]|1[0-2])$/,
  grade: /^[ABC]$/,
  category: /^[a-z_]{3,20}$/,
};

/** The view a URL holds; anything malformed is left out (a hand-edited link shows the wider view, not an error). */
export function readView(params: Pick<URLSearchParams, "get">): DashboardView {
  const view = (VIEWS as readonly string[]).includes(params.get("view") ?? "")
    ? (params.get("view") as View)
    : "coverage";
  const filters: Filters = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value && PATTERNS[key].test(value)) filters[key] = value;
  }
  // A kab/kota always sits in its province: the province is implied by the kab/kota's code.
  if (filters.regency) filters.province = filters.regency.slice(0, 2);
  const measure = params.get("measure") ?? MEASURE_ACCREDITED;
  const list = params.get("list");
  const v: DashboardView = {
    view,
    filters,
    measure: /^[a-z_]{3,20}$/.test(measure) ? measure : MEASURE_ACCREDITED,
    list: list === "lks" || list === "applications" ? list : null,
  };
  if (v.list === "applications") {
    const listQuery: ListQuery = {};
    for (const key of LIST_KEYS) {
      const value = params.get(key);
      if (value && LIST_PATTERNS[key].test(value)) listQuery[key] = value;
    }
    v.listQuery = listQuery;
  }
  return v;
}

/** The URL of a view, with only the keys that differ from the defaults (short links to share). */
export function viewHref(v: DashboardView): string {
  const params = new URLSearchParams();
  if (v.view !== "coverage") params.set("view", v.view);
  for (const key of FILTER_KEYS) {
    const value = v.filters[key];
    if (value && !(key === "province" && v.filters.regency)) params.set(key, value);
  }
  if (v.measure !== MEASURE_ACCREDITED) params.set("measure", v.measure);
  if (v.list) params.set("list", v.list);
  if (v.list === "applications")
    for (const key of LIST_KEYS) {
      const value = v.listQuery?.[key];
      if (value) params.set(key, value);
    }
  const qs = params.toString();
  return qs ? `/laporan?${qs}` : "/laporan";
}

/** The same view with some filters changed (an empty value removes one); an open list closes. */
export function withFilters(v: DashboardView, changes: Filters): DashboardView {
  const filters = { ...v.filters };
  for (const [key, value] of Object.entries(changes) as [FilterKey, string | undefined][]) {
    if (value) filters[key] = value;
    else delete filters[key];
  }
  const { listQuery: _closed, ...rest } = v;
  return { ...rest, filters, list: null };
}

/** A page of the LKS behind a coverage figure, and of the applications behind a pipeline or asesor figure. */
export type ReportLksPage = operations["reports.nationalLks"]["responses"][200]["content"]["application/json"];
export type ReportApplicationPage =
  operations["reports.nationalApplications"]["responses"][200]["content"]["application/json"];

/** Rows per page of the list behind a figure. */
export const LIST_PAGE = 50;

/** Whose reports the page reads: the country's (national roles) or one Dinsos's (its province or kab/kota). */
export type Scope =
  | { kind: "national" }
  | { kind: "tenant"; slug: string; name: string; level: "province" | "kabkota"; regionCode: string };

/** The query the report routes take (a figure, its list and its file take the same names). */
export type ReportApiQuery = NonNullable<operations["reports.nationalExport"]["parameters"]["query"]>;

const GRADES = ["A", "B", "C"] as const;
const member = <T extends string>(list: readonly T[], value: string | undefined): T | undefined =>
  (list as readonly string[]).includes(value ?? "") ? (value as T) : undefined;

/**
 * A view's filters (and a list's own query) as the typed API client sends them: the URL's strings
 * narrowed to the API's enums, a value outside them left out as `readView` leaves out a malformed one.
 */
export function reportQuery(filters: Filters, list: ListQuery = {}): ReportApiQuery {
  const q: ReportApiQuery = {};
  for (const key of ["province", "regency", "from", "to"] as const) if (filters[key]) q[key] = filters[key];
  const lksType = member<LksType>(LKS_TYPES, filters.lksType);
  const grade = member(GRADES, filters.grade);
  const category = member<CoverageCategory>(COVERAGE_CATEGORIES, filters.category);
  if (lksType) q.lksType = lksType;
  if (grade) q.grade = grade;
  if (category) q.category = category;
  for (const key of ["tenant", "step", "decidedMonth", "visitedMonth", "reason", "asesor", "pair"] as const)
    if (list[key]) q[key] = list[key];
  if (list.overdue === "true") q.overdue = "true";
  if (list.returned === "true") q.returned = "true";
  const outcome = member(["accredited", "not_accredited"] as const, list.outcome);
  if (outcome) q.outcome = outcome;
  return q;
}

/** The list behind a figure, as the report API names it. */
export interface Drill {
  list: "lks" | "applications" | "asesors";
  query: Record<string, string>;
}

/**
 * Where a figure's number leads, on this page: the LKS behind a coverage figure (with the view's
 * filters), or the applications behind a pipeline or asesor figure (exactly the figure's query: the
 * API counted those filters and no others); asesors open the asesor registry.
 */
export function drillHref(v: DashboardView, drill: Drill, extra: Record<string, string> = {}): string {
  const query = { ...drill.query, ...extra };
  if (drill.list === "lks") {
    const filters: Filters = {};
    for (const key of FILTER_KEYS) {
      const value = query[key] ?? (key === "province" || key === "regency" ? undefined : v.filters[key]);
      if (value) filters[key] = value;
    }
    return viewHref({ view: "coverage", filters, measure: v.measure, list: "lks" });
  }
  if (drill.list === "applications") {
    const filters: Filters = {};
    const listQuery: ListQuery = {};
    for (const key of FILTER_KEYS) if (query[key]) filters[key] = query[key];
    for (const key of LIST_KEYS) if (query[key]) listQuery[key] = query[key];
    return viewHref({ view: v.view, filters, measure: v.measure, list: "applications", listQuery });
  }
  const qs = new URLSearchParams(Object.entries(query).filter(([, value]) => value !== "")).toString();
  return qs ? `/balks/asesor?${qs}` : "/balks/asesor";
}
