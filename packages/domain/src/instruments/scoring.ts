/**
 * Scoring an assessment: a pure function of an instrument version, its grade rules and the answers,
 * used alike by the API (self-assessment, asesor scores, the decision) and on the device (the
 * "perkiraan" preview). Within a standard an indicator earns level × weight out of top level ×
 * weight (the school scheme of DOMAIN.md "Grades"); a standard scores 0–100; the total is the
 * standards' scores weighted by the component weights. Scores are rounded to two decimals before
 * any comparison, so what is shown is what was judged.
 */
import {
  GRADE_LABELS,
  type Bilingual,
  type Grade,
  type GradeRules,
  type Indicator,
  type InstrumentVersion,
} from "./types.ts";

export const SAFEGUARDING_KINDS = ["bullying", "sexual_violence", "intolerance", "danger", "other"] as const;
export type SafeguardingKind = (typeof SAFEGUARDING_KINDS)[number];

export const SAFEGUARDING_KIND_LABELS: Record<SafeguardingKind, Bilingual> = {
  bullying: { id: "perundungan", en: "bullying" },
  sexual_violence: { id: "kekerasan seksual", en: "sexual violence" },
  intolerance: { id: "intoleransi", en: "intolerance" },
  danger: { id: "penerima layanan dalam bahaya", en: "a client in danger" },
  other: { id: "pelanggaran perlindungan lain", en: "another safeguarding breach" },
};

/** A safeguarding finding, recorded against the indicator where it was found. */
export interface SafeguardingFinding {
  indicator: string;
  kind: SafeguardingKind;
}

export interface Answers {
  /** Indicator code → the level's score, or null (blank). A code left out is blank too. */
  levels: Record<string, number | null>;
  findings: SafeguardingFinding[];
}

export interface IndicatorScore {
  code: string;
  level: number | null;
  /** Level × weight, and the top level × weight. */
  points: number | null;
  maxPoints: number;
  /** 0–100, null when blank. */
  score: number | null;
}

export interface GroupScore {
  code: string;
  name: Bilingual;
  /** 0–100 over the answered indicators (blanks counted as the blank rule says); null when nothing counts. */
  score: number | null;
  points: number;
  maxPoints: number;
  indicators: number;
  blanks: number;
}

export interface StandardScore extends GroupScore {
  componentWeight: number;
  belowPass: boolean;
  belowFloor: boolean;
}

export const SCORE_REASON_CODES = [
  "safeguarding_finding",
  "blanks",
  "invalid_level",
  "unknown_indicator",
  "component_below_floor",
  "too_many_below_pass",
  "component_below_pass",
  "total_below_pass",
  "graded",
] as const;
export type ScoreReasonCode = (typeof SCORE_REASON_CODES)[number];

export interface ScoreReason {
  code: ScoreReasonCode;
  /** Whether it stands between the answers and a grade. */
  blocking: boolean;
  text: Bilingual;
  standard?: string;
  indicators?: string[];
}

export const SCORE_OUTCOMES = ["graded", "not_accredited", "incomplete"] as const;
/** `incomplete`: more blanks than the rules allow, so no grade can be decided yet. */
export type ScoreOutcome = (typeof SCORE_OUTCOMES)[number];

export interface ScoreResult {
  indicators: IndicatorScore[];
  aspects: GroupScore[];
  standards: StandardScore[];
  /**
   * 0–100, null when nothing is answered. A standard with nothing counted (all blank, blanks
   * excluded) is left out and the other component weights share the 100; its floor is not judged.
   */
  total: number | null;
  outcome: ScoreOutcome;
  grade: Grade | null;
  validityYears: number | null;
  /** "Sangat Baik" … or "Tidak terakreditasi" / "Belum lengkap". */
  label: Bilingual;
  blanks: string[];
  reasons: ScoreReason[];
}

/**
 * A ratio as a score 0–100 with two decimals, rounded half up. Computed in hundredths from whole
 * numbers so that 5416.5 hundredths is exactly that (54.165 · 100 in floating point is 5416.4999…).
 */
const percent = (part: number, whole: number) => Math.round((10000 * part) / whole) / 100;
const num = (n: number, lang: "id" | "en") => (lang === "id" ? String(n).replace(".", ",") : String(n));
const codeOrder = (a: string, b: string) => {
  const x = a.split(".").map(Number);
  const y = b.split(".").map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++)
    if ((x[i] ?? -1) !== (y[i] ?? -1)) return (x[i] ?? -1) - (y[i] ?? -1);
  return 0;
};
const list = (codes: string[]) => (codes.length > 8 ? `${codes.slice(0, 8).join(", ")}, …` : codes.join(", "));

const INCOMPLETE_LABEL: Bilingual = { id: "Belum lengkap", en: "Incomplete" };

/** The level an answer names, if the indicator's rubric has it. */
function levelOf(indicator: Indicator, value: number | null | undefined): number | null | "invalid" {
  if (value === null || value === undefined) return null;
  return indicator.levels.some((l) => l.score === value) ? value : "invalid";
}

export function scoreAssessment(instrument: InstrumentVersion, rules: GradeRules, answers: Answers): ScoreResult {
  const reasons: ScoreReason[] = [];
  const indicators: IndicatorScore[] = [];
  const blanks: string[] = [];
  const invalid: string[] = [];
  const known = new Set<string>();
  const aspects: GroupScore[] = [];
  const standards: StandardScore[] = [];

  for (const standard of instrument.standards) {
    const sGroup: StandardScore = {
      code: standard.code,
      name: standard.name,
      score: null,
      points: 0,
      maxPoints: 0,
      indicators: 0,
      blanks: 0,
      componentWeight: rules.componentWeights[standard.code] ?? 0,
      belowPass: false,
      belowFloor: false,
    };
    for (const aspect of standard.aspects) {
      const aGroup: GroupScore = {
        code: aspect.code,
        name: aspect.name,
        score: null,
        points: 0,
        maxPoints: 0,
        indicators: 0,
        blanks: 0,
      };
      let counted = false;
      for (const indicator of aspect.indicators) {
        known.add(indicator.code);
        const top = indicator.levels.at(-1)?.score ?? 0;
        const maxPoints = top * indicator.weight;
        let level = levelOf(indicator, answers.levels[indicator.code]);
        if (level === "invalid") {
          invalid.push(indicator.code);
          level = null;
        }
        if (level === null) blanks.push(indicator.code);
        const points = level === null ? null : level * indicator.weight;
        indicators.push({
          code: indicator.code,
          level,
          points,
          maxPoints,
          score: points === null || maxPoints === 0 ? null : percent(points, maxPoints),
        });
        aGroup.indicators++;
        if (level === null) aGroup.blanks++;
        // A blank adds nothing; under `zero` its full marks still count against the standard.
        if (level !== null || rules.blanks.scoring === "zero") {
          counted = true;
          aGroup.points += points ?? 0;
          aGroup.maxPoints += maxPoints;
        }
      }
      aGroup.score = counted && aGroup.maxPoints > 0 ? percent(aGroup.points, aGroup.maxPoints) : null;
      aspects.push(aGroup);
      sGroup.points += aGroup.points;
      sGroup.maxPoints += aGroup.maxPoints;
      sGroup.indicators += aGroup.indicators;
      sGroup.blanks += aGroup.blanks;
    }
    sGroup.score = sGroup.maxPoints > 0 ? percent(sGroup.points, sGroup.maxPoints) : null;
    standards.push(sGroup);
  }

  // The total, summed in code order so that it does not depend on how the instrument lists its standards.
  let weighted = 0;
  let weights = 0;
  for (const s of [...standards].sort((a, b) => codeOrder(a.code, b.code))) {
    if (s.score === null || s.componentWeight <= 0) continue;
    // In hundredths: a whole number when the weights are whole, so the division rounds exactly.
    weighted += s.componentWeight * Math.round(s.score * 100);
    weights += s.componentWeight;
  }
  const total = weights > 0 ? Math.round(weighted / weights) / 100 : null;

  const unknown = [
    ...Object.keys(answers.levels).filter((code) => !known.has(code)),
    ...answers.findings.map((f) => f.indicator).filter((code) => !known.has(code)),
  ];
  if (unknown.length > 0)
    reasons.push({
      code: "unknown_indicator",
      blocking: false,
      indicators: [...new Set(unknown)].sort(codeOrder),
      text: {
        id: `Jawaban untuk kode yang tidak ada di instrumen ini diabaikan: ${list([...new Set(unknown)])}`,
        en: `Answers for codes this instrument does not have are ignored: ${list([...new Set(unknown)])}`,
      },
    });
  if (invalid.length > 0)
    reasons.push({
      code: "invalid_level",
      blocking: false,
      indicators: invalid,
      text: {
        id: `${invalid.length} jawaban memilih tingkat yang tidak ada di rubrik dan dihitung kosong: ${list(invalid)}`,
        en: `${invalid.length} answers name a level the rubric does not have and count as blank: ${list(invalid)}`,
      },
    });

  // A finding blocks any grade, whatever the score: a finding on a code the instrument lacks too (fail safe).
  const children = instrument.lksTypes.length > 0 && instrument.lksTypes.every((t) => t === "LKSA");
  for (const finding of answers.findings) {
    const kind = SAFEGUARDING_KIND_LABELS[finding.kind] ?? SAFEGUARDING_KIND_LABELS.other;
    reasons.push({
      code: "safeguarding_finding",
      blocking: true,
      indicators: [finding.indicator],
      text: {
        id: `Temuan perlindungan ${children ? "anak " : ""}pada ${finding.indicator} (${kind.id}): tidak terakreditasi, berapa pun nilainya`,
        en: `${children ? "Child safeguarding" : "Safeguarding"} finding on ${finding.indicator} (${kind.en}): not accredited, whatever the score`,
      },
    });
  }

  const blanksBlock = rules.blanks.maxForGrade !== null && blanks.length > rules.blanks.maxForGrade;
  if (blanks.length > 0)
    reasons.push({
      code: "blanks",
      blocking: blanksBlock,
      indicators: blanks,
      text: {
        id: `${blanks.length} indikator belum dinilai${blanksBlock ? ": predikat belum dapat ditetapkan" : ""}`,
        en: `${blanks.length} ${blanks.length === 1 ? "indicator" : "indicators"} not yet assessed${blanksBlock ? ": no grade can be decided yet" : ""}`,
      },
    });

  let scoreBlocks = false;
  const belowPass: StandardScore[] = [];
  for (const s of standards) {
    if (s.score === null) continue;
    s.belowFloor = s.score < rules.componentFloor;
    s.belowPass = s.score < rules.passMark;
    if (s.belowPass) belowPass.push(s);
    if (s.belowFloor) {
      scoreBlocks = true;
      reasons.push({
        code: "component_below_floor",
        blocking: true,
        standard: s.code,
        text: {
          id: `Standar ${s.code} ${s.name.id} ${num(s.score, "id")} < ${num(rules.componentFloor, "id")}: tidak terakreditasi`,
          en: `Standard ${s.code} ${s.name.en} ${num(s.score, "en")} < ${num(rules.componentFloor, "en")}: not accredited`,
        },
      });
    }
  }
  const tooMany = belowPass.length > rules.maxComponentsBelowPass;
  if (tooMany) scoreBlocks = true;
  for (const s of belowPass)
    if (!s.belowFloor && s.score !== null)
      reasons.push({
        code: "component_below_pass",
        blocking: tooMany,
        standard: s.code,
        text: {
          id: `Standar ${s.code} ${s.name.id} ${num(s.score, "id")} < ${num(rules.passMark, "id")}`,
          en: `Standard ${s.code} ${s.name.en} ${num(s.score, "en")} < ${num(rules.passMark, "en")}`,
        },
      });
  if (tooMany)
    reasons.push({
      code: "too_many_below_pass",
      blocking: true,
      text: {
        id: `${belowPass.length} standar di bawah ${num(rules.passMark, "id")} (paling banyak ${rules.maxComponentsBelowPass}): tidak terakreditasi`,
        en: `${belowPass.length} standards under ${num(rules.passMark, "en")} (at most ${rules.maxComponentsBelowPass}): not accredited`,
      },
    });
  if (total !== null && total < rules.passMark) {
    scoreBlocks = true;
    reasons.push({
      code: "total_below_pass",
      blocking: true,
      text: {
        id: `Nilai akhir ${num(total, "id")} < ${num(rules.passMark, "id")}: tidak terakreditasi`,
        en: `Final score ${num(total, "en")} < ${num(rules.passMark, "en")}: not accredited`,
      },
    });
  }

  const band = total === null ? undefined : [...rules.bands].sort((a, b) => b.min - a.min).find((b) => total >= b.min);
  let outcome: ScoreOutcome;
  if (answers.findings.length > 0) outcome = "not_accredited";
  else if (blanksBlock || total === null) outcome = "incomplete";
  else if (scoreBlocks || !band) outcome = "not_accredited";
  else outcome = "graded";

  const graded = outcome === "graded" && band ? band : null;
  if (graded && total !== null)
    reasons.push({
      code: "graded",
      blocking: false,
      text: {
        id: `Nilai akhir ${num(total, "id")}: predikat ${graded.grade} ${graded.label.id}, berlaku ${graded.validityYears} tahun`,
        en: `Final score ${num(total, "en")}: grade ${graded.grade} ${graded.label.en}, valid ${graded.validityYears} years`,
      },
    });

  return {
    indicators,
    aspects,
    standards,
    total,
    outcome,
    grade: graded?.grade ?? null,
    validityYears: graded?.validityYears ?? null,
    label: graded ? graded.label : outcome === "incomplete" ? INCOMPLETE_LABEL : GRADE_LABELS.none,
    blanks,
    reasons,
  };
}
