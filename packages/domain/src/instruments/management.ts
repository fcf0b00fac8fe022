import type { Role } from "../identity/roles.ts";
import {
  REGULATIONS,
  type Aspect,
  type Bilingual,
  type Indicator,
  type InstrumentVersion,
  type RegulationId,
} from "./types.ts";

/** National roles that read every instrument version, drafts included. */
export const INSTRUMENT_READERS = [
  "balks_secretariat",
  "balks_decider",
  "asesor",
  "national_viewer",
] as const satisfies readonly Role[];
/** BALKS's secretariat prepares drafts (from a published version, by editing or by import). */
export const INSTRUMENT_EDITORS = ["balks_secretariat"] as const satisfies readonly Role[];
/** Only a BALKS decider publishes: what every new application is then assessed on. */
export const INSTRUMENT_PUBLISHERS = ["balks_decider"] as const satisfies readonly Role[];

interface Candidate {
  lksTypes: readonly string[];
  regulation: string;
  publishedAt: string | null;
}

/**
 * The published version an application of an LKS is assessed on. An LKS lists its types primary
 * first, so the first of its types that some version covers decides; among the versions covering
 * it, the newest regulation wins (Permensos 8/2025 replaces 17/2012), then the latest published.
 * Null when none covers any of its types: the application cannot be submitted.
 */
export function applicableInstrument<T extends Candidate>(
  published: readonly T[],
  lksTypes: readonly string[],
): T | null {
  const year = (v: T) => REGULATIONS[v.regulation as RegulationId]?.year ?? 0;
  for (const type of lksTypes) {
    const covering = published.filter((v) => v.publishedAt !== null && v.lksTypes.includes(type));
    const [best] = covering.sort(
      (a, b) => year(b) - year(a) || (b.publishedAt ?? "").localeCompare(a.publishedAt ?? ""),
    );
    if (best) return best;
  }
  return null;
}

/** An indicator added or replaced, with the aspect and standard it sits in (named when they are new). */
export interface IndicatorPlacement {
  standard: { code: string; name?: Bilingual | undefined };
  aspect: { code: string; name?: Bilingual | undefined };
  indicator: Indicator;
}

export interface DraftEdit {
  name?: Bilingual | undefined;
  lksTypes?: InstrumentVersion["lksTypes"] | undefined;
  regulation?: RegulationId | undefined;
  gradeRules?: InstrumentVersion["gradeRules"] | undefined;
  put?: IndicatorPlacement[] | undefined;
  remove?: string[] | undefined;
}

export type DraftEditResult =
  | { ok: true; instrument: InstrumentVersion }
  | { ok: false; reason: "unknown_indicator"; codes: string[] }
  | { ok: false; reason: "unnamed_group"; codes: string[] };

const byCode = <T extends { code: string }>(items: T[]) =>
  [...items].sort((a, b) => a.code.localeCompare(b.code, "en", { numeric: true }));

/**
 * A draft after an edit: removals first, then each placed indicator replaces the one with its code
 * (in place when it stays in its aspect, moved otherwise) or is added; a new aspect or standard
 * needs a name. Aspects left empty by a removal disappear. Soundness is `validateInstrument`'s.
 */
export function applyDraftEdit(draft: InstrumentVersion, edit: DraftEdit): DraftEditResult {
  const existing = new Set(draft.standards.flatMap((s) => s.aspects.flatMap((a) => a.indicators.map((i) => i.code))));
  const unknown = (edit.remove ?? []).filter((code) => !existing.has(code));
  if (unknown.length > 0) return { ok: false, reason: "unknown_indicator", codes: unknown };

  const moved = new Set((edit.put ?? []).map((p) => p.indicator.code));
  const gone = new Set(edit.remove ?? []);
  let standards = draft.standards.map((s) => ({
    ...s,
    aspects: s.aspects.map((a) => ({
      ...a,
      indicators: a.indicators.filter(
        (i) => !gone.has(i.code) && !(moved.has(i.code) && !placedIn(edit.put ?? [], i.code, a.code)),
      ),
    })),
  }));

  const unnamed: string[] = [];
  for (const placement of edit.put ?? []) {
    let standard = standards.find((s) => s.code === placement.standard.code);
    if (!standard) {
      if (!placement.standard.name) {
        unnamed.push(placement.standard.code);
        continue;
      }
      standard = { code: placement.standard.code, name: placement.standard.name, aspects: [] };
      standards = byCode([...standards, standard]);
    }
    let aspect: Aspect | undefined = standard.aspects.find((a) => a.code === placement.aspect.code);
    if (!aspect) {
      if (!placement.aspect.name) {
        unnamed.push(placement.aspect.code);
        continue;
      }
      aspect = { code: placement.aspect.code, name: placement.aspect.name, indicators: [] };
      standard.aspects = byCode([...standard.aspects, aspect]);
    }
    const at = aspect.indicators.findIndex((i) => i.code === placement.indicator.code);
    aspect.indicators =
      at >= 0
        ? aspect.indicators.map((i, n) => (n === at ? placement.indicator : i))
        : byCode([...aspect.indicators, placement.indicator]);
  }
  if (unnamed.length > 0) return { ok: false, reason: "unnamed_group", codes: unnamed };

  standards = standards.map((s) => ({ ...s, aspects: s.aspects.filter((a) => a.indicators.length > 0) }));
  return {
    ok: true,
    instrument: {
      ...draft,
      ...(edit.name ? { name: edit.name } : {}),
      ...(edit.lksTypes ? { lksTypes: edit.lksTypes } : {}),
      ...(edit.regulation ? { regulation: edit.regulation } : {}),
      ...(edit.gradeRules ? { gradeRules: edit.gradeRules } : {}),
      standards,
    },
  };
}

function placedIn(put: IndicatorPlacement[], code: string, aspectCode: string): boolean {
  return put.some((p) => p.indicator.code === code && p.aspect.code === aspectCode);
}
