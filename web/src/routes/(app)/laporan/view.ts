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

export interface DashboardView {
  view: View;
  filters: Filters;
  measure: string;
  /** The list behind a figure shown under the figures ("lks"), or none. */
  list: "lks" | null;
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
  return {
    view,
    filters,
    measure: /^[a-z_]{3,20}$/.test(measure) ? measure : MEASURE_ACCREDITED,
    list: params.get("list") === "lks" ? "lks" : null,
  };
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
  return { ...v, filters, list: null };
}

/** The list behind a figure, as the report API names it. */
export interface Drill {
  list: "lks" | "applications" | "asesors";
  query: Record<string, string>;
}

/**
 * Where a figure's number leads: the LKS behind a coverage figure open on this page (with the
 * view's filters), applications in the application list, asesors in the asesor registry.
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
  const params = new URLSearchParams(Object.entries(query).filter(([, value]) => value !== ""));
  const path = drill.list === "applications" ? "/permohonan" : "/balks/asesor";
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}
