/**
 * The asesor's blind score sheet as outbox changes (pure; unit-tested): one change per place on
 * the sheet, told apart by its `ref` — an indicator's level and note (`2.3.4`), Formulir C's check
 * of one checklist document (`doc:akta`), a safeguarding finding (`finding:<device id>`) — and the
 * batch PUT each one makes. A change per place folds a second edit of the same place into the one
 * waiting (see `fold`), and a 409 names exactly that place's fields.
 */
import type { SafeguardingKind } from "@akrab/domain";

export interface ScoreValues {
  level: number | null;
  note: string;
}

export interface CheckValues {
  present: boolean | null;
  note: string;
}

export interface FindingValues {
  indicator: string;
  kind: SafeguardingKind;
  description: string;
  reportedAt: string;
}

const DOC = "doc:";
const FINDING = "finding:";

export const docRef = (code: string) => `${DOC}${code}`;
export const findingRef = (id: string) => `${FINDING}${id}`;

export type SheetPlace =
  | { kind: "entry"; indicator: string }
  | { kind: "check"; code: string }
  | { kind: "finding"; id: string };

export function placeOf(ref: string): SheetPlace {
  if (ref.startsWith(DOC)) return { kind: "check", code: ref.slice(DOC.length) };
  if (ref.startsWith(FINDING)) return { kind: "finding", id: ref.slice(FINDING.length) };
  return { kind: "entry", indicator: ref };
}

/**
 * The sheet's batch PUT one waiting change makes (with the version and base it started from): one
 * place, the other two lists empty.
 */
export function sheetBatch(change: {
  ref?: string;
  values: Record<string, unknown>;
  base: Record<string, unknown>;
  expectedVersion: number;
}) {
  const place = placeOf(change.ref ?? "");
  const baseVersion = change.expectedVersion;
  if (place.kind === "check") {
    const { present, note } = change.values as unknown as CheckValues;
    return {
      entries: [],
      findings: [],
      documentChecks: [{ code: place.code, present, note, baseVersion, base: change.base as Partial<CheckValues> }],
    };
  }
  if (place.kind === "finding") {
    const { indicator, kind, description, reportedAt } = change.values as unknown as FindingValues;
    return { entries: [], findings: [{ id: place.id, indicator, kind, description, reportedAt }], documentChecks: [] };
  }
  const { level, note } = change.values as unknown as ScoreValues;
  return {
    entries: [{ indicator: place.indicator, level, note, baseVersion, base: change.base as Partial<ScoreValues> }],
    findings: [],
    documentChecks: [],
  };
}

/**
 * For each field the asesor changed, the value the server had when they started (the merge's base);
 * empty: nothing changed.
 */
export function changedBase<T extends object>(known: T, values: T): Partial<T> {
  const base: Partial<T> = {};
  for (const key of Object.keys(values) as (keyof T)[]) if (known[key] !== values[key]) base[key] = known[key];
  return base;
}
