/**
 * Small instruments and fast-check generators for the instrument tests. Not exported from the package.
 */
import fc from "fast-check";
import {
  DEFAULT_GRADE_RULES,
  STANDARD_NAMES,
  type Indicator,
  type InstrumentVersion,
  type RubricLevel,
  type Standard,
} from "./types.ts";

const t = (id: string) => ({ id, en: `${id} (en)` });

const levels = (scores: readonly number[] = [0, 1, 2, 3, 4]): RubricLevel[] =>
  scores.map((score) => ({ score, descriptor: t(`Tingkat ${score}`) }));

export const indicator = (code: string, weight = 1, extra: Partial<Indicator> = {}): Indicator => ({
  code,
  text: t(`Indikator ${code}`),
  guidance: t(`Panduan ${code}`),
  levels: levels(),
  weight,
  evidence: [],
  onSite: false,
  safeguarding: false,
  ...extra,
});

/** A version with the six default standards; `shape[s]` lists each aspect's indicator weights. */
export function instrumentOf(shape: number[][][], extra: Partial<InstrumentVersion> = {}): InstrumentVersion {
  const standards: Standard[] = shape.map((aspects, s) => ({
    code: String(s + 1),
    name: STANDARD_NAMES[String(s + 1)] ?? t(`Standar ${s + 1}`),
    aspects: aspects.map((weights, a) => ({
      code: `${s + 1}.${a + 1}`,
      name: t(`Aspek ${s + 1}.${a + 1}`),
      indicators: weights.map((w, i) => indicator(`${s + 1}.${a + 1}.${i + 1}`, w)),
    })),
  }));
  return {
    id: "uji-1",
    name: t("Instrumen uji"),
    regulation: "permensos-8-2025",
    lksTypes: ["LKSA"],
    status: "draft",
    standards,
    gradeRules: structuredClone(DEFAULT_GRADE_RULES),
    lineage: null,
    ...extra,
  };
}

/** Six standards, one aspect each, two indicators weighted 2 and 1: 12 points per standard. */
export const SMALL = instrumentOf(Array.from({ length: 6 }, () => [[2, 1]]));

/**
 * Random instruments with the six standards (so the default rules apply), 1–3 aspects of 1–4
 * indicators, weights 1–4, rubrics 0–4 or 1/3/5.
 */
export const instrumentArb = fc
  .record({
    shape: fc.array(
      fc.array(fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 }), {
        minLength: 1,
        maxLength: 3,
      }),
      { minLength: 6, maxLength: 6 },
    ),
    rubric: fc.constantFrom([0, 1, 2, 3, 4], [1, 3, 5]),
  })
  .map(({ shape, rubric }) => {
    const instrument = instrumentOf(shape);
    for (const s of instrument.standards)
      for (const a of s.aspects) for (const i of a.indicators) i.levels = levels(rubric);
    return instrument;
  });

/** An instrument with a full set of answers (every indicator at one of its levels). */
export const answeredArb = instrumentArb.chain((instrument) => {
  const all = instrument.standards.flatMap((s) => s.aspects.flatMap((a) => a.indicators));
  return fc.tuple(...all.map((i) => fc.constantFrom(...i.levels.map((l) => l.score)))).map((chosen) => ({
    instrument,
    levels: Object.fromEntries(all.map((i, n) => [i.code, chosen[n] ?? null])) as Record<string, number | null>,
  }));
});
