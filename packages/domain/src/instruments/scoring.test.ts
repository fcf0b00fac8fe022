import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scoreAssessment, type Answers, type ScoreResult } from "./scoring.ts";
import { SMALL, answeredArb, indicator, instrumentOf } from "./test-support.ts";
import { DEFAULT_GRADE_RULES, type GradeRules, type InstrumentVersion } from "./types.ts";

/** SMALL: standard s has s.1.1 (weight 2) and s.1.2 (weight 1), each 0–4: 12 points per standard. */
const answersOf = (pairs: [number | null, number | null][]): Answers => ({
  levels: Object.fromEntries(
    pairs.flatMap(([a, b], s) => [
      [`${s + 1}.1.1`, a],
      [`${s + 1}.1.2`, b],
    ]),
  ),
  findings: [],
});
const score = (answers: Answers, instrument: InstrumentVersion = SMALL, rules: GradeRules = DEFAULT_GRADE_RULES) =>
  scoreAssessment(instrument, rules, answers);
const blocking = (r: ScoreResult) => r.reasons.filter((x) => x.blocking).map((x) => x.text.id);

describe("scoreAssessment, worked by hand", () => {
  it("grades B with the arithmetic written out", () => {
    // S1 4,4 → (8+4)/12 = 100        S2 3,2 → (6+2)/12 = 66.67   S3 4,2 → (8+2)/12 = 83.33
    // S4 3,3 → (6+3)/12 = 75         S5 2,3 → (4+3)/12 = 58.33   S6 4,3 → (8+3)/12 = 91.67
    // Total = (15·100 + 25·66.67 + 15·83.33 + 15·75 + 15·58.33 + 15·91.67) / 100
    //       = (1500 + 1666.75 + 1249.95 + 1125 + 874.95 + 1375.05) / 100 = 7791.7 / 100 = 77.92 (rounded)
    // 77.92 is in B 71–85; one standard (5) is under 56, at most two may be; none under 40.
    const r = score(
      answersOf([
        [4, 4],
        [3, 2],
        [4, 2],
        [3, 3],
        [2, 3],
        [4, 3],
      ]),
    );
    expect(r.standards.map((s) => s.score)).toEqual([100, 66.67, 83.33, 75, 58.33, 91.67]);
    expect(r.total).toBe(77.92);
    expect(r.outcome).toBe("graded");
    expect(r.grade).toBe("B");
    expect(r.validityYears).toBe(3);
    expect(r.label).toEqual({ id: "Baik", en: "Good" });
    expect(r.reasons.map((x) => x.text.id)).toEqual(["Nilai akhir 77,92: predikat B Baik, berlaku 3 tahun"]);
    expect(r.indicators.find((i) => i.code === "2.1.1")).toEqual({
      code: "2.1.1",
      level: 3,
      points: 6,
      maxPoints: 8,
      score: 75,
    });
    expect(r.aspects[1]).toMatchObject({ code: "2.1", score: 66.67, points: 8, maxPoints: 12 });
  });

  it("refuses any grade when a standard is under the floor, saying which and by how much", () => {
    // S5 1,1 → (2+1)/12 = 25 < 40. The rest at 4,4 (100): total = (85·100 + 15·25)/100 = 88.75, an A otherwise.
    const r = score(
      answersOf([
        [4, 4],
        [4, 4],
        [4, 4],
        [4, 4],
        [1, 1],
        [4, 4],
      ]),
    );
    expect(r.total).toBe(88.75);
    expect(r.outcome).toBe("not_accredited");
    expect(r.grade).toBeNull();
    expect(r.label.id).toBe("Tidak terakreditasi");
    expect(blocking(r)).toEqual(["Standar 5 Sarana dan prasarana 25 < 40: tidak terakreditasi"]);
    expect(r.standards[4]).toMatchObject({ belowFloor: true, belowPass: true });
  });

  it("refuses a grade when three standards sit under the pass mark, though the total would be a B", () => {
    // S2, S3, S4 at 2,2 → (4+2)/12 = 50 (≥ 40, < 56). Total = (45·100 + 25·50 + 30·50)/100 = 72.5.
    const r = score(
      answersOf([
        [4, 4],
        [2, 2],
        [2, 2],
        [2, 2],
        [4, 4],
        [4, 4],
      ]),
    );
    expect(r.total).toBe(72.5);
    expect(r.outcome).toBe("not_accredited");
    expect(blocking(r)).toEqual([
      "Standar 2 Proses layanan 50 < 56",
      "Standar 3 Manajemen organisasi 50 < 56",
      "Standar 4 Sumber daya manusia 50 < 56",
      "3 standar di bawah 56 (paling banyak 2): tidak terakreditasi",
    ]);
  });

  it("allows two standards under the pass mark", () => {
    // S2, S3 at 2,2 = 50. Total = (60·100 + 25·50 + 15·50)/100 = 80 → B; the two are reported, not blocking.
    const r = score(
      answersOf([
        [4, 4],
        [2, 2],
        [2, 2],
        [4, 4],
        [4, 4],
        [4, 4],
      ]),
    );
    expect(r.total).toBe(80);
    expect(r.grade).toBe("B");
    expect(r.reasons.filter((x) => x.code === "component_below_pass").map((x) => x.blocking)).toEqual([false, false]);
  });

  it("refuses a grade when the total is under the pass mark", () => {
    // Every standard 2,3 → 7/12 = 58.33 (none under 56) except S2 at 1,2 → 4/12 = 33.33 < 40, so use 2,2 = 50:
    // total = (75·58.33 + 25·50)/100 = (4374.75 + 1250)/100 = 56.25 → C. At 2,1 → 5/12 = 41.67:
    // total = (4374.75 + 1041.75)/100 = 54.17 (rounded 54.165 → 54.17) < 56.
    const c = score(
      answersOf([
        [2, 3],
        [2, 2],
        [2, 3],
        [2, 3],
        [2, 3],
        [2, 3],
      ]),
    );
    expect([c.total, c.grade, c.validityYears]).toEqual([56.25, "C", 2]);
    const r = score(
      answersOf([
        [2, 3],
        [2, 1],
        [2, 3],
        [2, 3],
        [2, 3],
        [2, 3],
      ]),
    );
    expect(r.total).toBe(54.17);
    expect(r.outcome).toBe("not_accredited");
    expect(blocking(r)).toEqual(["Nilai akhir 54,17 < 56: tidak terakreditasi"]);
  });

  it("reports blanks (not zero) and by default they keep the grade from being decided", () => {
    const r = score(
      answersOf([
        [4, 4],
        [4, null],
        [4, 4],
        [null, 4],
        [4, 4],
        [4, 4],
      ]),
    );
    // Excluded: S2 has only 2.1.1 (8/8 = 100), S4 only 4.1.2 (4/4 = 100): the total stays 100.
    expect(r.total).toBe(100);
    expect(r.blanks).toEqual(["2.1.2", "4.1.1"]);
    expect(r.outcome).toBe("incomplete");
    expect(r.label).toEqual({ id: "Belum lengkap", en: "Incomplete" });
    expect(blocking(r)).toEqual(["2 indikator belum dinilai: predikat belum dapat ditetapkan"]);
  });

  it("lets the rules allow blanks, or count them as zero", () => {
    const answers = answersOf([
      [4, 4],
      [4, null],
      [4, 4],
      [4, 4],
      [4, 4],
      [4, 4],
    ]);
    const allow = score(answers, SMALL, { ...DEFAULT_GRADE_RULES, blanks: { scoring: "excluded", maxForGrade: 1 } });
    expect([allow.total, allow.grade]).toEqual([100, "A"]);
    expect(allow.reasons[0]!.text.en).toBe("1 indicator not yet assessed");
    // Zero: S2 = 8/12 = 66.67; total = (75·100 + 25·66.67)/100 = 91.67 → A.
    const zero = score(answers, SMALL, { ...DEFAULT_GRADE_RULES, blanks: { scoring: "zero", maxForGrade: null } });
    expect([zero.standards[1]!.score, zero.total, zero.grade]).toEqual([66.67, 91.67, "A"]);
  });

  it("blocks any grade on a safeguarding finding, with full marks", () => {
    const answers = answersOf(Array.from({ length: 6 }, () => [4, 4] as [number, number]));
    answers.findings = [{ indicator: "2.1.2", kind: "bullying" }];
    const r = score(answers);
    expect(r.total).toBe(100);
    expect(r.outcome).toBe("not_accredited");
    expect(blocking(r)).toEqual([
      "Temuan perlindungan anak pada 2.1.2 (perundungan): tidak terakreditasi, berapa pun nilainya",
    ]);
    expect(r.reasons[0]!.text.en).toBe(
      "Child safeguarding finding on 2.1.2 (bullying): not accredited, whatever the score",
    );
  });

  it("counts a level the rubric lacks as blank, and ignores answers to unknown codes, saying so", () => {
    const answers = answersOf(Array.from({ length: 6 }, () => [4, 4] as [number, number]));
    answers.levels["1.1.1"] = 7;
    answers.levels["9.9.9"] = 4;
    const r = score(answers, SMALL, { ...DEFAULT_GRADE_RULES, blanks: { scoring: "excluded", maxForGrade: null } });
    expect(r.reasons.map((x) => x.code)).toEqual(["unknown_indicator", "invalid_level", "blanks", "graded"]);
    expect(r.blanks).toEqual(["1.1.1"]);
  });

  it("grades on band bounds: 86 is an A, 85.5 a B", () => {
    // One standard weighted 100, two indicators of weight 1 on a 0–100 rubric: total = (a + b) / 2.
    const wide = instrumentOf([[[1, 1]]]);
    for (const i of wide.standards[0]!.aspects[0]!.indicators)
      i.levels = Array.from({ length: 101 }, (_, score) => ({ score, descriptor: { id: "x", en: "x" } }));
    const rules = { ...DEFAULT_GRADE_RULES, componentWeights: { "1": 100 } };
    const at = (a: number, b: number) => score({ levels: { "1.1.1": a, "1.1.2": b }, findings: [] }, wide, rules);
    expect([at(86, 86).total, at(86, 86).grade]).toEqual([86, "A"]);
    expect([at(85, 86).total, at(85, 86).grade]).toEqual([85.5, "B"]);
    expect([at(56, 56).grade, at(55, 56).grade]).toEqual(["C", null]);
  });
});

const RANK = { C: 1, B: 2, A: 3 } as const;
const rank = (r: ScoreResult) => (r.grade ? RANK[r.grade] : 0);

describe("scoring properties", () => {
  const rules = DEFAULT_GRADE_RULES;

  it("never lowers the total or the grade when one answer is raised", () => {
    fc.assert(
      fc.property(answeredArb, fc.nat(), fc.nat(), ({ instrument, levels }, pick, step) => {
        const all = instrument.standards.flatMap((s) => s.aspects.flatMap((a) => a.indicators));
        const target = all[pick % all.length]!;
        const scores = target.levels.map((l) => l.score);
        const from = scores.indexOf(levels[target.code]!);
        const higher = scores.slice(from + 1);
        fc.pre(higher.length > 0);
        const before = scoreAssessment(instrument, rules, { levels, findings: [] });
        const raised = { ...levels, [target.code]: higher[step % higher.length]! };
        const after = scoreAssessment(instrument, rules, { levels: raised, findings: [] });
        expect(after.total!).toBeGreaterThanOrEqual(before.total!);
        expect(rank(after)).toBeGreaterThanOrEqual(rank(before));
      }),
    );
  });

  it("gives the top grade when every answer is at the top level", () => {
    fc.assert(
      fc.property(answeredArb, ({ instrument, levels }) => {
        const top = Object.fromEntries(
          instrument.standards.flatMap((s) =>
            s.aspects.flatMap((a) => a.indicators.map((i) => [i.code, i.levels.at(-1)!.score])),
          ),
        );
        void levels;
        const r = scoreAssessment(instrument, rules, { levels: top, findings: [] });
        expect(r.total).toBe(100);
        expect(r.grade).toBe("A");
        expect(r.validityYears).toBe(5);
      }),
    );
  });

  it("blocks every grade on any safeguarding finding", () => {
    fc.assert(
      fc.property(answeredArb, fc.nat(), ({ instrument, levels }, pick) => {
        const codes = Object.keys(levels);
        const r = scoreAssessment(instrument, rules, {
          levels,
          findings: [{ indicator: codes[pick % codes.length]!, kind: "sexual_violence" }],
        });
        expect(r.outcome).toBe("not_accredited");
        expect(r.grade).toBeNull();
        expect(r.reasons.some((x) => x.code === "safeguarding_finding" && x.blocking)).toBe(true);
      }),
    );
  });

  it("keeps every score within 0–100", () => {
    fc.assert(
      fc.property(answeredArb, fc.array(fc.nat(), { maxLength: 5 }), ({ instrument, levels }, blanks) => {
        const codes = Object.keys(levels);
        const some = { ...levels };
        for (const n of blanks) some[codes[n % codes.length]!] = null;
        const r = scoreAssessment(instrument, rules, { levels: some, findings: [] });
        for (const x of [r.total, ...r.standards.map((s) => s.score), ...r.aspects.map((a) => a.score)])
          if (x !== null) expect(x >= 0 && x <= 100).toBe(true);
        expect(r.total).not.toBeNull();
      }),
    );
  });

  it("does not depend on the order of standards, aspects or indicators", () => {
    fc.assert(
      fc.property(answeredArb, fc.integer(), ({ instrument, levels }, seed) => {
        const shuffled = structuredClone(instrument);
        const shuffle = <T>(xs: T[]) => {
          let s = seed;
          for (let i = xs.length - 1; i > 0; i--) {
            s = (s * 1103515245 + 12345) & 0x7fffffff;
            const j = s % (i + 1);
            [xs[i], xs[j]] = [xs[j]!, xs[i]!];
          }
        };
        shuffle(shuffled.standards);
        for (const s of shuffled.standards) {
          shuffle(s.aspects);
          for (const a of s.aspects) shuffle(a.indicators);
        }
        const a = scoreAssessment(instrument, rules, { levels, findings: [] });
        const b = scoreAssessment(shuffled, rules, { levels, findings: [] });
        expect([b.total, b.grade, b.outcome, b.validityYears]).toEqual([a.total, a.grade, a.outcome, a.validityYears]);
        const byCode = (r: ScoreResult) =>
          Object.fromEntries([...r.indicators, ...r.aspects, ...r.standards].map((x) => [x.code, x.score]));
        expect(byCode(b)).toEqual(byCode(a));
      }),
    );
  });

  it("moves exactly the answers on a band boundary when the boundary moves", () => {
    fc.assert(
      fc.property(answeredArb, fc.constantFrom(0, 1), fc.constantFrom(-1, 1), ({ instrument, levels }, which, by) => {
        // Boundary between band `which` and the one above it: lower.max = upper.min − 1; shift both by `by`.
        const edited = structuredClone(rules);
        const lower = edited.bands[which]!;
        const upper = edited.bands[which + 1]!;
        const oldMin = upper.min;
        lower.max += by;
        upper.min += by;
        const a = scoreAssessment(instrument, rules, { levels, findings: [] });
        const b = scoreAssessment(instrument, edited, { levels, findings: [] });
        const [lo, hi] = by > 0 ? [oldMin, oldMin + by] : [oldMin + by, oldMin];
        const onBoundary = a.outcome === "graded" && a.total! >= lo && a.total! < hi;
        expect(a.grade !== b.grade).toBe(onBoundary);
        if (onBoundary) expect(b.grade).toBe(by > 0 ? lower.grade : upper.grade);
      }),
      { numRuns: 300 },
    );
  });

  it("moves an answer set on a boundary (so the boundary property is not vacuous)", () => {
    const one = instrumentOf([[[1]]]);
    one.standards[0]!.aspects[0]!.indicators = [
      indicator("1.1.1", 1, {
        levels: Array.from({ length: 101 }, (_, s) => ({ score: s, descriptor: { id: "x", en: "x" } })),
      }),
    ];
    const base = { ...DEFAULT_GRADE_RULES, componentWeights: { "1": 100 } };
    const edited = structuredClone(base);
    edited.bands[1]!.max = 86;
    edited.bands[2]!.min = 87;
    const at = (r: GradeRules) => scoreAssessment(one, r, { levels: { "1.1.1": 86 }, findings: [] }).grade;
    expect([at(base), at(edited)]).toEqual(["A", "B"]);
  });
});
