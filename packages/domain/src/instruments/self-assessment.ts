/**
 * The LKS's self-assessment (Formulir A with its evidence, Formulir B) against its application's
 * instrument: which answers are valid, how far each standard is filled in, and what still holds a
 * submission back. Pure, so the API and the device (progress, "perkiraan") say the same.
 */
import { indicatorsOf, type Bilingual, type InstrumentVersion } from "./types.ts";

export type AnswerRefusal = "unknown_indicator" | "invalid_level";

/** Why an answer cannot be saved, or null: the code must be the instrument's, the level one of its rubric's (or blank). */
export function answerRefusal(
  instrument: Pick<InstrumentVersion, "standards">,
  code: string,
  level: number | null,
): AnswerRefusal | null {
  const found = indicatorsOf(instrument).find(({ indicator }) => indicator.code === code);
  if (!found) return "unknown_indicator";
  if (level !== null && !found.indicator.levels.some((l) => l.score === level)) return "invalid_level";
  return null;
}

export interface StandardProgress {
  code: string;
  name: Bilingual;
  answered: number;
  total: number;
  /** "23 dari 41 terisi" / "23 of 41 answered". */
  label: Bilingual;
  /** Codes still without a level, in instrument order: what "next unanswered" jumps to. */
  unanswered: string[];
}

/** Per standard, how many indicators have a level. A code the instrument lacks is ignored. */
export function selfAssessmentProgress(
  instrument: Pick<InstrumentVersion, "standards">,
  levels: Readonly<Record<string, number | null>>,
): StandardProgress[] {
  return instrument.standards.map((standard) => {
    const codes = standard.aspects.flatMap((a) => a.indicators.map((i) => i.code));
    const unanswered = codes.filter((code) => levels[code] === undefined || levels[code] === null);
    const answered = codes.length - unanswered.length;
    return {
      code: standard.code,
      name: standard.name,
      answered,
      total: codes.length,
      label: { id: `${answered} dari ${codes.length} terisi`, en: `${answered} of ${codes.length} answered` },
      unanswered,
    };
  });
}

export interface SelfAssessmentGap {
  indicator: string;
  missing: "answer" | "evidence";
  message: Bilingual;
}

/**
 * What keeps a self-assessment from being complete, in instrument order: every indicator needs a
 * level, and every indicator that expects evidence (documents, photos) needs at least one file,
 * uploaded to it or linked. Empty when it may be submitted.
 */
export function selfAssessmentGaps(
  instrument: Pick<InstrumentVersion, "standards">,
  levels: Readonly<Record<string, number | null>>,
  evidenceCount: Readonly<Record<string, number>>,
): SelfAssessmentGap[] {
  return indicatorsOf(instrument).flatMap(({ indicator }): SelfAssessmentGap[] => {
    const gaps: SelfAssessmentGap[] = [];
    const text = indicator.text;
    const level = levels[indicator.code];
    if (level === undefined || level === null)
      gaps.push({
        indicator: indicator.code,
        missing: "answer",
        message: {
          id: `Indikator ${indicator.code} (${text.id}) belum diisi`,
          en: `Indicator ${indicator.code} (${text.en}) is not answered`,
        },
      });
    if (indicator.evidence.length > 0 && (evidenceCount[indicator.code] ?? 0) === 0) {
      const expected = indicator.evidence.map((e) => e.label);
      gaps.push({
        indicator: indicator.code,
        missing: "evidence",
        message: {
          id: `Indikator ${indicator.code} belum ada bukti: ${expected.map((e) => e.id).join(", ")}`,
          en: `Indicator ${indicator.code} has no evidence yet: ${expected.map((e) => e.en).join(", ")}`,
        },
      });
    }
    return gaps;
  });
}

/**
 * "Jump to the next unanswered": the first indicator without a level after `after` in instrument
 * order, wrapping round to the start (so one left behind is found too); `after` null starts at the
 * top. Null when every indicator has a level. Pure so the device and any later check agree.
 */
export function nextUnanswered(
  instrument: Pick<InstrumentVersion, "standards">,
  levels: Readonly<Record<string, number | null>>,
  after: string | null,
): { standard: string; indicator: string } | null {
  const all = instrument.standards.flatMap((s) =>
    s.aspects.flatMap((a) => a.indicators.map((i) => ({ standard: s.code, indicator: i.code }))),
  );
  const start = after === null ? 0 : all.findIndex((x) => x.indicator === after) + 1;
  const ordered = [...all.slice(start), ...all.slice(0, start)];
  return ordered.find(({ indicator }) => levels[indicator] === undefined || levels[indicator] === null) ?? null;
}
