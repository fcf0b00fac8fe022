/**
 * Comparing two instrument versions (what BALKS sees before publishing a new one) and two cycles
 * of one LKS scored on different versions (a re-accreditation, indicator by indicator). An
 * indicator is the same across versions when it keeps its code, or when the newer version's
 * lineage says it was renumbered from an older code.
 */
import type { IndicatorScore, ScoreResult } from "./scoring.ts";
import { indicatorsOf, type Indicator, type InstrumentVersion } from "./types.ts";

export const INDICATOR_CHANGES = [
  "code",
  "text",
  "guidance",
  "weight",
  "rubric",
  "evidence",
  "onSite",
  "safeguarding",
] as const;
export type IndicatorChange = (typeof INDICATOR_CHANGES)[number];

/** One indicator across two versions: only in the older (`to` null), only in the newer (`from` null), or both. */
export interface CodePair {
  from: string | null;
  to: string | null;
}

export interface ChangedIndicator {
  from: string;
  to: string;
  changes: IndicatorChange[];
}

export interface VersionComparison {
  from: string;
  to: string;
  /** Codes in the newer version only. */
  added: string[];
  /** Codes in the older version only. */
  removed: string[];
  changed: ChangedIndicator[];
  unchanged: number;
  codeMap: CodePair[];
  /** Component weights that differ, by standard code (null where the standard is absent). */
  componentWeights: { standard: string; from: number | null; to: number | null }[];
  /** The grade rules other than weights that differ. */
  rules: ("passMark" | "componentFloor" | "maxComponentsBelowPass" | "bands" | "blanks")[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The same indicator in two versions: the newer one's lineage (or the older one's, compared
 * backwards) renames codes; any other code present in both is the same indicator. Pairs follow
 * the newer version's order, then what only the older has.
 */
export function indicatorCodeMap(older: InstrumentVersion, newer: InstrumentVersion): CodePair[] {
  const oldCodes = indicatorsOf(older).map((x) => x.indicator.code);
  const newCodes = indicatorsOf(newer).map((x) => x.indicator.code);
  const oldSet = new Set(oldCodes);
  const renamed = new Map<string, string>(); // new → old
  if (newer.lineage?.from === older.id)
    for (const [to, from] of Object.entries(newer.lineage.codes)) renamed.set(to, from);
  else if (older.lineage?.from === newer.id)
    for (const [from, to] of Object.entries(older.lineage.codes)) renamed.set(to, from);
  const claimed = new Set(renamed.values());
  const used = new Set<string>();
  const pairs: CodePair[] = newCodes.map((to) => {
    const from = renamed.get(to) ?? (oldSet.has(to) && !claimed.has(to) ? to : null);
    const known = from !== null && oldSet.has(from) && !used.has(from) ? from : null;
    if (known) used.add(known);
    return { from: known, to };
  });
  for (const from of oldCodes) if (!used.has(from)) pairs.push({ from, to: null });
  return pairs;
}

function changesOf(a: Indicator, b: Indicator): IndicatorChange[] {
  const changes: IndicatorChange[] = [];
  if (a.code !== b.code) changes.push("code");
  if (!same(a.text, b.text)) changes.push("text");
  if (!same(a.guidance, b.guidance)) changes.push("guidance");
  if (a.weight !== b.weight) changes.push("weight");
  if (!same(a.levels, b.levels)) changes.push("rubric");
  if (!same(a.evidence, b.evidence)) changes.push("evidence");
  if (a.onSite !== b.onSite) changes.push("onSite");
  if (a.safeguarding !== b.safeguarding) changes.push("safeguarding");
  return changes;
}

export function compareVersions(older: InstrumentVersion, newer: InstrumentVersion): VersionComparison {
  const oldBy = new Map(indicatorsOf(older).map((x) => [x.indicator.code, x.indicator]));
  const newBy = new Map(indicatorsOf(newer).map((x) => [x.indicator.code, x.indicator]));
  const codeMap = indicatorCodeMap(older, newer);
  const result: VersionComparison = {
    from: older.id,
    to: newer.id,
    added: [],
    removed: [],
    changed: [],
    unchanged: 0,
    codeMap,
    componentWeights: [],
    rules: [],
  };
  for (const { from, to } of codeMap) {
    const a = from === null ? undefined : oldBy.get(from);
    const b = to === null ? undefined : newBy.get(to);
    if (a && b && from !== null && to !== null) {
      const changes = changesOf(a, b);
      if (changes.length > 0) result.changed.push({ from, to, changes });
      else result.unchanged++;
    } else if (to !== null) result.added.push(to);
    else if (from !== null) result.removed.push(from);
  }
  const ra = older.gradeRules;
  const rb = newer.gradeRules;
  const standards = [...new Set([...Object.keys(ra.componentWeights), ...Object.keys(rb.componentWeights)])].sort(
    (x, y) => Number(x) - Number(y),
  );
  for (const standard of standards) {
    const from = ra.componentWeights[standard] ?? null;
    const to = rb.componentWeights[standard] ?? null;
    if (from !== to) result.componentWeights.push({ standard, from, to });
  }
  for (const key of ["passMark", "componentFloor", "maxComponentsBelowPass", "bands", "blanks"] as const)
    if (!same(ra[key], rb[key])) result.rules.push(key);
  return result;
}

export interface CycleRow extends CodePair {
  before: IndicatorScore | null;
  after: IndicatorScore | null;
  /** After minus before, in points of 0–100; null unless both were scored. */
  delta: number | null;
}

/**
 * A re-accreditation beside the previous cycle, indicator by indicator, even when the two were
 * scored on different versions: each pair of `indicatorCodeMap` with its score then and now.
 */
export function compareCycles(
  previous: { instrument: InstrumentVersion; result: ScoreResult },
  current: { instrument: InstrumentVersion; result: ScoreResult },
): CycleRow[] {
  const before = new Map(previous.result.indicators.map((i) => [i.code, i]));
  const after = new Map(current.result.indicators.map((i) => [i.code, i]));
  return indicatorCodeMap(previous.instrument, current.instrument).map(({ from, to }) => {
    const b = from === null ? null : (before.get(from) ?? null);
    const a = to === null ? null : (after.get(to) ?? null);
    const delta = a?.score != null && b?.score != null ? Math.round((a.score - b.score) * 100) / 100 : null;
    return { from, to, before: b, after: a, delta };
  });
}
