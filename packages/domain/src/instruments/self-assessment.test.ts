import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { answerRefusal, nextUnanswered, selfAssessmentGaps, selfAssessmentProgress } from "./self-assessment.ts";
import { SMALL, instrumentArb } from "./test-support.ts";
import { indicatorsOf } from "./types.ts";

const withEvidence = structuredClone(SMALL);
withEvidence.standards[0]!.aspects[0]!.indicators[0]!.evidence = [
  { kind: "photo", key: "ruang_tidur", label: { id: "Foto ruang tidur", en: "Photo of the bedrooms" } },
];

describe("answers of a self-assessment", () => {
  it("take a code of the instrument and a level of its rubric, or a blank", () => {
    expect(answerRefusal(SMALL, "1.1.1", 4)).toBeNull();
    expect(answerRefusal(SMALL, "1.1.1", null)).toBeNull();
    expect(answerRefusal(SMALL, "1.1.1", 5)).toBe("invalid_level");
    expect(answerRefusal(SMALL, "1.1.1", 2.5)).toBe("invalid_level");
    expect(answerRefusal(SMALL, "7.1.1", 1)).toBe("unknown_indicator");
  });

  it("count progress per standard, in words, with the unanswered codes in order", () => {
    const progress = selfAssessmentProgress(SMALL, { "1.1.2": 3, "2.1.1": null, "9.9.9": 4 });
    expect(progress[0]).toMatchObject({
      code: "1",
      answered: 1,
      total: 2,
      label: { id: "1 dari 2 terisi", en: "1 of 2 answered" },
      unanswered: ["1.1.1"],
    });
    expect(progress[1]).toMatchObject({ answered: 0, unanswered: ["2.1.1", "2.1.2"] });
  });

  it("jump to the next unanswered indicator after the one in view, across standards and round to the start", () => {
    expect(nextUnanswered(SMALL, {}, null)).toEqual({ standard: "1", indicator: "1.1.1" });
    expect(nextUnanswered(SMALL, { "1.1.2": 3 }, "1.1.1")).toEqual({ standard: "2", indicator: "2.1.1" });
    expect(nextUnanswered(SMALL, { "2.1.1": 0, "2.1.2": 4 }, "2.1.1")).toEqual({ standard: "3", indicator: "3.1.1" });
    const all = Object.fromEntries(indicatorsOf(SMALL).map(({ indicator }) => [indicator.code, 2]));
    expect(nextUnanswered(SMALL, all, "1.1.1")).toBeNull();
    expect(nextUnanswered(SMALL, { ...all, "1.1.1": null }, "1.1.1")).toEqual({ standard: "1", indicator: "1.1.1" });
  });

  it("list what is missing: every blank, and evidence where the indicator expects some", () => {
    const all = Object.fromEntries(indicatorsOf(SMALL).map(({ indicator }) => [indicator.code, 4]));
    expect(selfAssessmentGaps(withEvidence, all, {})).toEqual([
      {
        indicator: "1.1.1",
        missing: "evidence",
        message: {
          id: "Indikator 1.1.1 belum ada bukti: Foto ruang tidur",
          en: "Indicator 1.1.1 has no evidence yet: Photo of the bedrooms",
        },
      },
    ]);
    expect(selfAssessmentGaps(withEvidence, all, { "1.1.1": 1 })).toEqual([]);
    const gaps = selfAssessmentGaps(withEvidence, { ...all, "3.1.2": null }, { "1.1.1": 1 });
    expect(gaps.map((g) => [g.indicator, g.missing])).toEqual([["3.1.2", "answer"]]);
    expect(gaps[0]!.message.id).toBe("Indikator 3.1.2 (Indikator 3.1.2) belum diisi");
  });

  it("are complete exactly when every indicator has a level and every expected evidence a file", () => {
    fc.assert(
      fc.property(instrumentArb, fc.double({ min: 0, max: 1, noNaN: true }), (instrument, share) => {
        const codes = indicatorsOf(instrument).map(({ indicator }) => indicator.code);
        const answered = codes.slice(0, Math.round(codes.length * share));
        const levels = Object.fromEntries(answered.map((code) => [code, 0]));
        const gaps = selfAssessmentGaps(instrument, levels, {});
        expect(gaps.filter((g) => g.missing === "answer").map((g) => g.indicator)).toEqual(
          codes.filter((code) => !answered.includes(code)),
        );
        const answeredCount = selfAssessmentProgress(instrument, levels).reduce((n, s) => n + s.answered, 0);
        expect(answeredCount).toBe(answered.length);
      }),
    );
  });
});
