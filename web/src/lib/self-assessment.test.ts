import { describe, expect, test } from "vitest";
import { answerBase, indicatorAnchor, selfAssessmentHref, totalProgress } from "./self-assessment.ts";

describe("self-assessment page rules", () => {
  test("an answer's base names only the fields changed, with the server's value then", () => {
    expect(answerBase({ level: null, note: "" }, { level: 3, note: "" })).toEqual({ level: null });
    expect(answerBase({ level: 2, note: "a" }, { level: 2, note: "b" })).toEqual({ note: "a" });
    expect(answerBase({ level: 2, note: "a" }, { level: 2, note: "a" })).toEqual({});
  });

  test("links point at the page, and at an indicator by an anchor without dots", () => {
    expect(selfAssessmentHref("app 1", "kota-tangerang")).toBe(
      "/t/kota-tangerang/permohonan/app%201/penilaian-mandiri",
    );
    expect(selfAssessmentHref("a", "t", "2.3.4")).toBe("/t/t/permohonan/a/penilaian-mandiri#ind-2-3-4");
    expect(indicatorAnchor("10.1.2")).toBe("ind-10-1-2");
  });

  test("the whole instrument's progress adds up the standards'", () => {
    expect(
      totalProgress([
        { answered: 2, total: 5 },
        { answered: 0, total: 3 },
      ]),
    ).toEqual({ answered: 2, total: 8 });
    expect(totalProgress([])).toEqual({ answered: 0, total: 0 });
  });
});
