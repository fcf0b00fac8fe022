import type { AsesorReport, CoverageReport, PipelineReport, ReportQuery } from "@akrab/contracts";
import type { ReportReads } from "@akrab/db";
import {
  COVERAGE_CATEGORIES,
  COVERAGE_LABELS,
  DEFAULT_REGIONAL_PART,
  LKS_TYPES,
  composeDefinition,
  dataAsOf,
  jakartaDay,
  monthsFrom,
  percentile,
  reconciliationFlagsByPair,
  rollUpCoverage,
  throughputByMonth,
  waitingByStep,
  type Decision,
  type RollUpLks,
} from "@akrab/domain";

/**
 * Builds the report responses (issue 15) from a scope's report reads; national and tenant routes
 * share it and differ only in the reach their scope carries. The figures are the domain's roll-ups
 * of the stored per-LKS categories; this only shapes them and names each figure's list.
 */

type Query = Record<string, string>;

/** The query of the list behind a figure: the report's filters plus the figure's own. */
function drillQuery(filter: ReportQuery, extra: Query): Query {
  const q: Query = {};
  for (const key of ["province", "regency", "lksType", "grade", "category", "from", "to"] as const) {
    const v = filter[key];
    if (v) q[key] = v;
  }
  return { ...q, ...extra };
}

/**
 * The query of the applications behind a figure: the figure's own filters plus the report's area
 * (and LKS type for the waiting figures, which are counted per LKS; the monthly ones are kept per
 * tenant and take only the area). Exactly what the figure counted, so the list has its number of rows.
 */
function applicationDrill(filter: ReportQuery, perLks: boolean, extra: Query) {
  const q: Query = {};
  for (const key of perLks ? (["province", "regency", "lksType"] as const) : (["province", "regency"] as const)) {
    const v = filter[key];
    if (v) q[key] = v;
  }
  return { list: "applications" as const, query: { ...q, ...extra } };
}

function freshnessOf(computedAt: string | null, now: number) {
  const at = computedAt ?? new Date(now).toISOString();
  return { dataAsOf: at, dataAsOfText: dataAsOf(at) };
}

/**
 * Whether a coverage answer lists the kab/kota: the country view shows provinces (and the map), a
 * province's drill-down asks for its kab/kota with `province`, and a tenant's reach is one province
 * at most. Leaving the 514 kab/kota out of the country view keeps its answer small (issue 15: p95 at
 * one connection was 190 ms with them); an export still writes every area.
 */
function listsKabKota(reads: ReportReads, filter: ReportQuery): boolean {
  return reads.reach !== null || Boolean(filter.province || filter.regency);
}

export async function coverageReport(
  reads: ReportReads,
  filter: ReportQuery,
  now = Date.now(),
  withKabKota = listsKabKota(reads, filter),
): Promise<CoverageReport> {
  const [groups, areas, freshness, computedAt] = await Promise.all([
    withKabKota ? reads.coverage(filter) : reads.coverageByProvince(filter),
    reads.areas(),
    reads.freshness(),
    reads.computedAtByTenant(),
  ]);
  const byRegion = new Map(areas.map((a) => [a.code, a]));
  const regionComputedAt = (code: string) => {
    const tenantId = byRegion.get(code)?.tenantId;
    return tenantId ? (computedAt.get(tenantId)?.computedAt ?? null) : null;
  };
  // The regions the filter narrows to.
  const shown = areas.filter((a) =>
    filter.regency
      ? a.code === filter.regency
      : filter.province
        ? a.code === filter.province || a.provinceCode === filter.province
        : true,
  );
  // Without kab/kota rows the counts come per province: each is counted under one kab/kota of its
  // province, which adds up to the same province, country and type figures.
  const firstKabKota = new Map<string, string>();
  if (!withKabKota)
    for (const a of areas)
      if (a.provinceCode && !firstKabKota.has(a.provinceCode)) firstKabKota.set(a.provinceCode, a.code);
  function* lks(): Iterable<RollUpLks> {
    for (const g of groups) {
      const regionCode = withKabKota ? g.regionCode : (firstKabKota.get(g.regionCode) ?? g.regionCode);
      // One item per counted group, not per LKS: the country is a few thousand groups, not 25,000 items.
      yield { regionCode, types: [g.lksType], category: g.category, count: g.n };
    }
  }
  const roll = rollUpCoverage({
    regions: shown.map((a) => ({ code: a.code, name: a.name, kind: a.kind, provinceCode: a.provinceCode })),
    tenants: new Map(
      shown.filter((a) => a.tenantStatus).map((a) => [a.code, a.tenantStatus as "active" | "deactivated"]),
    ),
    lks: lks(),
  });
  return {
    ...freshnessOf(freshness.computedAt, now),
    categories: COVERAGE_CATEGORIES.map((key) => ({ key, label: COVERAGE_LABELS[key] })),
    country: {
      code: "ID",
      name: "Indonesia",
      level: "country",
      tenant: null,
      counts: roll.country.counts,
      total: roll.country.total,
      computedAt: freshness.computedAt,
      drill: { list: "lks", query: drillQuery(filter, {}) },
    },
    provinces: roll.provinces.map((p) => ({
      ...p,
      level: "province" as const,
      computedAt: regionComputedAt(p.code),
      drill: { list: "lks" as const, query: drillQuery(filter, { province: p.code }) },
    })),
    regencies: (withKabKota ? roll.kabKota : []).map(({ provinceCode: _p, ...k }) => ({
      ...k,
      level: "regency" as const,
      computedAt: regionComputedAt(k.code),
      drill: { list: "lks" as const, query: drillQuery(filter, { regency: k.code }) },
    })),
    types: LKS_TYPES.map((t) => {
      const counts = roll.types[t];
      return {
        code: t,
        name: t,
        level: "type" as const,
        tenant: null,
        counts,
        total: COVERAGE_CATEGORIES.reduce((n, c) => n + counts[c], 0),
        computedAt: freshness.computedAt,
        drill: { list: "lks" as const, query: drillQuery(filter, { lksType: t }) },
      };
    }),
  };
}

const DEFINITION = composeDefinition(DEFAULT_REGIONAL_PART);
const STEP_ORDER = DEFINITION.steps.map((s) => s.id);
const STEP_LABELS = new Map(DEFINITION.steps.map((s) => [s.id, s.label]));

/** The period of the monthly figures: the filter's, else the twelve months up to this one. */
function period(filter: ReportQuery, now: number): { first: string; months: number } {
  const to = filter.to ?? jakartaDay(now).slice(0, 7);
  const first = filter.from ?? shift(to, -11);
  const [fy, fm] = first.split("-").map(Number) as [number, number];
  const [ty, tm] = to.split("-").map(Number) as [number, number];
  return { first, months: Math.max(1, Math.min(120, (ty - fy) * 12 + (tm - fm) + 1)) };
}

function shift(month: string, by: number): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const n = y * 12 + (m - 1) + by;
  return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, "0")}`;
}

export async function pipelineReport(
  reads: ReportReads,
  filter: ReportQuery,
  now = Date.now(),
): Promise<PipelineReport> {
  const { first, months } = period(filter, now);
  const window = monthsFrom(first, months);
  const last = window.at(-1) ?? first;
  const nowIso = new Date(now).toISOString();
  const [waiting, monthly, areas, freshness] = await Promise.all([
    reads.waiting(filter),
    reads.monthly(first, last, filter),
    reads.areas(),
    reads.freshness(),
  ]);
  const steps = waitingByStep(waiting, nowIso, STEP_ORDER);
  const tenants = new Map(areas.flatMap((a) => (a.tenantId ? [[a.tenantId, a] as const] : [])));
  const breaches = new Map<string, { tenantId: string; step: string; overdue: number }>();
  for (const w of waiting)
    if (w.dueAt && Date.parse(w.dueAt) < now) {
      const key = `${w.tenantId}|${w.step}`;
      const entry = breaches.get(key) ?? { tenantId: w.tenantId, step: w.step, overdue: 0 };
      entry.overdue++;
      breaches.set(key, entry);
    }
  const sum = (measure: string) => monthly.filter((m) => m.measure === measure).reduce((n, m) => n + m.n, 0);
  const reasons = new Map<string, number>();
  for (const m of monthly)
    if (m.measure.startsWith("reason:")) reasons.set(m.measure.slice(7), (reasons.get(m.measure.slice(7)) ?? 0) + m.n);
  function* decisions(): Generator<Decision> {
    for (const m of monthly)
      if (m.measure === "accredited" || m.measure === "not_accredited")
        for (let i = 0; i < m.n; i++) yield { day: `${m.month}-01`, outcome: m.measure };
  }
  return {
    // Waiting times are read live; the monthly figures are as fresh as the roll-ups.
    ...freshnessOf(freshness.computedAt, now),
    steps: steps.map((s) => ({
      ...s,
      label: STEP_LABELS.get(s.step) ?? { id: s.step, en: s.step },
      drill: applicationDrill(filter, true, { step: s.step }),
    })),
    slaBreaches: [...breaches.values()]
      .sort((a, b) => b.overdue - a.overdue)
      .map((b) => {
        const t = tenants.get(b.tenantId);
        return {
          tenant: { slug: t?.tenantSlug ?? "", name: t?.tenantName ?? "", regionCode: t?.code ?? "" },
          step: b.step,
          overdue: b.overdue,
          drill: applicationDrill(filter, true, {
            step: b.step,
            overdue: "true",
            ...(t?.tenantSlug ? { tenant: t.tenantSlug } : {}),
          }),
        };
      }),
    returns: {
      count: sum("returned"),
      drill: applicationDrill(filter, false, { returned: "true", from: first, to: last }),
      reasons: [...reasons]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, 20)
        .map(([reason, count]) => ({
          reason,
          count,
          drill: applicationDrill(filter, false, { returned: "true", from: first, to: last, reason }),
        })),
    },
    throughput: throughputByMonth(decisions(), first, months).map((t) => ({
      ...t,
      drill: applicationDrill(filter, false, { decidedMonth: t.month, outcome: "accredited" }),
    })),
    // Certificates are not recorded on this branch yet (their table arrives with the certificates
    // issue): no certificate, no re-accreditation falling due.
    forecast: [],
  };
}

/** Median of the days between two instants over the pairs where both are known and in order. */
function medianDays(pairs: [string | null, string | null][]): number | null {
  const days = pairs
    .flatMap(([a, b]) => (a && b && b >= a ? [(Date.parse(b) - Date.parse(a)) / 86_400_000] : []))
    .sort((x, y) => x - y);
  const m = percentile(days, 50);
  return m === null ? null : Math.round(m * 10) / 10;
}

/**
 * Asesor work: assignments per asesor, visits per month, and the time from assignment to visit to
 * decision over the period. With the reconciliation flags per asesor pair from the reconciled sheets of the period.
 */
export async function asesorReport(reads: ReportReads, filter: ReportQuery, now = Date.now()): Promise<AsesorReport> {
  const { first, months } = period(filter, now);
  const window = monthsFrom(first, months);
  const last = window.at(-1) ?? first;
  const [asesors, monthly, times, freshness, sheets] = await Promise.all([
    reads.asesorAssignments(),
    reads.monthly(first, window.at(-1) ?? first, filter),
    // From the first day of the period in Jakarta (UTC+7).
    reads.assessmentTimes(new Date(Date.parse(`${first}-01T00:00:00+07:00`)).toISOString()),
    reads.freshness(),
    reads.reconciledSheets(first, last),
  ]);
  const names = new Map(asesors.map((a) => [a.id, a.name]));
  const visits = new Map(monthly.filter((m) => m.measure === "visit").map((m) => [m.month, m.n]));
  return {
    ...freshnessOf(freshness.computedAt, now),
    asesors: asesors.map((a) => ({ ...a, drill: applicationDrill({}, false, { asesor: a.id }) })),
    visitsPerMonth: window.map((month) => ({
      month,
      visits: visits.get(month) ?? 0,
      drill: applicationDrill(filter, false, { visitedMonth: month }),
    })),
    pairs: reconciliationFlagsByPair(sheets).map((p) => ({
      asesors: p.asesors.map((id) => ({ id, name: names.get(id) ?? id })),
      visits: p.visits,
      indicators: p.indicators,
      flagged: p.flagged,
      share: p.share,
      drill: applicationDrill({}, false, { pair: p.asesors.join("~"), from: first, to: last }),
    })),
    durations: {
      assignmentToVisitMedianDays: medianDays(times.map((t) => [t.assignedAt, t.visitedAt])),
      visitToDecisionMedianDays: medianDays(times.map((t) => [t.visitedAt, t.decidedAt])),
      assignmentToDecisionMedianDays: medianDays(times.map((t) => [t.assignedAt, t.decidedAt])),
    },
  };
}
