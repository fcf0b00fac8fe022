import { DAY_MS } from "../calendar/jakarta.ts";

/**
 * The pipeline figures of the national report (issue 15): how long open applications have waited
 * in each step, how many decisions each month against the national target, and how many
 * certificates fall due for re-accreditation in each coming month.
 */

/**
 * The nearest-rank percentile (p in 0..100) of values sorted ascending: a value that occurred,
 * never an interpolation between two, so "90 % waited at most N days" is literally true.
 */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1] ?? null;
}

export interface WaitingApplication {
  step: string;
  /** ISO instant it entered the step. */
  enteredAt: string;
  /** ISO instant its SLA ends, when the step has one. */
  dueAt?: string | null;
}

export interface StepWaiting {
  step: string;
  count: number;
  /** Days waited, to one decimal: median and 90th percentile (nearest rank). */
  medianDays: number;
  p90Days: number;
  longestDays: number;
  /** Past their SLA now. */
  overdue: number;
}

const days = (ms: number) => Math.round((ms / DAY_MS) * 10) / 10;

/** Waiting time per step at `now`, steps in the order given (the workflow's), then any others by name. */
export function waitingByStep(
  applications: Iterable<WaitingApplication>,
  now: string,
  stepOrder: readonly string[] = [],
): StepWaiting[] {
  const at = Date.parse(now);
  const waits = new Map<string, { ms: number[]; overdue: number }>();
  for (const a of applications) {
    const entry = waits.get(a.step) ?? { ms: [], overdue: 0 };
    waits.set(a.step, entry);
    entry.ms.push(Math.max(0, at - Date.parse(a.enteredAt)));
    if (a.dueAt && Date.parse(a.dueAt) < at) entry.overdue++;
  }
  const rank = (step: string) => {
    const i = stepOrder.indexOf(step);
    return i === -1 ? stepOrder.length : i;
  };
  return [...waits.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([step, { ms, overdue }]) => {
      ms.sort((x, y) => x - y);
      return {
        step,
        count: ms.length,
        medianDays: days(percentile(ms, 50) ?? 0),
        p90Days: days(percentile(ms, 90) ?? 0),
        longestDays: days(ms.at(-1) ?? 0),
        overdue,
      };
    });
}

/** "YYYY-MM" of a Jakarta day or instant string (the first seven characters of a YYYY-MM-DD day). */
const monthOf = (day: string) => day.slice(0, 7);

/** The `count` months from `first` ("YYYY-MM"), in order. */
export function monthsFrom(first: string, count: number): string[] {
  const [y, m] = first.split("-").map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const n = y * 12 + (m - 1) + i;
    return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, "0")}`;
  });
}

/** The national target: about 3,000 accreditations a year (DOMAIN.md, "Scale"). */
export const NATIONAL_YEARLY_TARGET = 3000;

export interface Decision {
  /** Jakarta day of BALKS's decision. */
  day: string;
  outcome: "accredited" | "not_accredited";
}

export interface MonthThroughput {
  month: string;
  accredited: number;
  notAccredited: number;
  /** This month's share of the yearly target, and the running totals since the first month. */
  target: number;
  cumulative: number;
  cumulativeTarget: number;
}

/**
 * Decisions per month over `months` months from `first`, against the target spread evenly over
 * the year. Only accreditations count toward the target ("3,000 accreditations a year");
 * "not accredited" decisions are work done too and are shown beside them.
 */
export function throughputByMonth(
  decisions: Iterable<Decision>,
  first: string,
  months: number,
  yearlyTarget = NATIONAL_YEARLY_TARGET,
): MonthThroughput[] {
  const window = monthsFrom(first, months);
  const byMonth = new Map(window.map((m) => [m, { accredited: 0, notAccredited: 0 }]));
  for (const d of decisions) {
    const entry = byMonth.get(monthOf(d.day));
    if (!entry) continue;
    if (d.outcome === "accredited") entry.accredited++;
    else entry.notAccredited++;
  }
  let cumulative = 0;
  return window.map((month, i) => {
    const entry = byMonth.get(month) ?? { accredited: 0, notAccredited: 0 };
    cumulative += entry.accredited;
    return {
      month,
      ...entry,
      target: Math.round(yearlyTarget / 12),
      cumulative,
      cumulativeTarget: Math.round((yearlyTarget * (i + 1)) / 12),
    };
  });
}

export interface ForecastCertificate {
  /** Last day of validity (YYYY-MM-DD). */
  validUntil: string;
  /** Suspended or revoked, or superseded by a later certificate: no re-accreditation falls due from it. */
  ended?: boolean;
}

/**
 * Re-accreditations due per month over the next `months` months (24 by default) from `today`:
 * each certificate in force falls due in the month its validity ends. Certificates already
 * expired or ended are not in the forecast (they are in the coverage report as expired or revoked).
 */
export function reaccreditationForecast(
  certificates: Iterable<ForecastCertificate>,
  today: string,
  months = 24,
): { month: string; due: number }[] {
  const window = monthsFrom(monthOf(today), months);
  const due = new Map(window.map((m) => [m, 0]));
  for (const c of certificates) {
    if (c.ended || c.validUntil < today) continue;
    const month = monthOf(c.validUntil);
    const n = due.get(month);
    if (n !== undefined) due.set(month, n + 1);
  }
  return window.map((month) => ({ month, due: due.get(month) ?? 0 }));
}
