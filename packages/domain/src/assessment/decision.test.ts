import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scoreAssessment, type SafeguardingFinding } from "../instruments/scoring.ts";
import { SMALL, answeredArb } from "../instruments/test-support.ts";
import { DEFAULT_GRADE_RULES, GRADES, indicatorsOf } from "../instruments/types.ts";
import {
  DEFAULT_DECISION_RULES,
  computedDecision,
  decisionProblems,
  decisionRulesProblems,
  plenaryProblems,
  validUntil,
  type AccreditationDecision,
  type PlenaryRecord,
} from "./decision.ts";
import { dateArb } from "./test-support.ts";

const scored = (level: number | null, findings: SafeguardingFinding[] = []) =>
  scoreAssessment(SMALL, SMALL.gradeRules, {
    levels: Object.fromEntries(indicatorsOf(SMALL).map(({ indicator }) => [indicator.code, level])),
    findings,
  });
const B = scored(3); // every indicator 3 of 4: each standard 75, total 75 → B
const JUSTIFICATION = "Pleno menilai layanan pengasuhan jauh melampaui skor dokumen karena bukti lapangan yang kuat.";
const accredit = (grade: "A" | "B" | "C", justification: string | null = null): AccreditationDecision => ({
  kind: "accredit",
  grade,
  reasons: "",
  justification,
});
const notAccredited = (extra: Partial<Extract<AccreditationDecision, { kind: "not_accredited" }>> = {}) =>
  ({
    kind: "not_accredited",
    reasons: "Standar pelayanan belum terpenuhi",
    toFix: ["Lengkapi rencana pengasuhan tiap anak"],
    justification: null,
    ...extra,
  }) as AccreditationDecision;
const fields = (problems: { field: string }[]) => problems.map((p) => p.field);

describe("decisionProblems, worked examples", () => {
  it("records the computed grade as it is", () => {
    expect([B.total, computedDecision(B)]).toEqual([75, "B"]);
    expect(decisionProblems(B, accredit("B"), DEFAULT_DECISION_RULES)).toEqual([]);
  });

  it("a different grade needs a written justification of the minimum length", () => {
    const problems = decisionProblems(B, accredit("A", "Bagus sekali"), DEFAULT_DECISION_RULES);
    expect(problems.map((p) => [p.field, p.text.id])).toEqual([
      [
        "justification",
        "Keputusan berbeda dari hasil perhitungan (predikat B): tuliskan justifikasi minimal 50 karakter",
      ],
    ]);
    expect(decisionProblems(B, accredit("A", JUSTIFICATION), DEFAULT_DECISION_RULES)).toEqual([]);
    expect(decisionProblems(B, accredit("C", JUSTIFICATION), DEFAULT_DECISION_RULES)).toEqual([]);
  });

  it("not accredited over a computed grade is a departure too, and needs reasons and what to fix", () => {
    expect(fields(decisionProblems(B, notAccredited(), DEFAULT_DECISION_RULES))).toEqual(["justification"]);
    expect(
      fields(
        decisionProblems(
          B,
          notAccredited({ reasons: " ", toFix: ["", " "], justification: JUSTIFICATION }),
          DEFAULT_DECISION_RULES,
        ),
      ),
    ).toEqual(["reasons", "toFix"]);
    const low = scored(1); // every standard 25: under the floor, not accredited
    expect(computedDecision(low)).toBe("not_accredited");
    expect(decisionProblems(low, notAccredited(), DEFAULT_DECISION_RULES)).toEqual([]);
    // The plenary may grade over the arithmetic, in writing.
    expect(fields(decisionProblems(low, accredit("C"), DEFAULT_DECISION_RULES))).toEqual(["justification"]);
    expect(decisionProblems(low, accredit("C", JUSTIFICATION), DEFAULT_DECISION_RULES)).toEqual([]);
  });

  it("refuses to accredit over a safeguarding finding, whatever the justification", () => {
    const found = scored(4, [{ indicator: "2.1.1", kind: "sexual_violence" }]);
    const problems = decisionProblems(found, accredit("A", JUSTIFICATION), DEFAULT_DECISION_RULES);
    expect(problems.map((p) => p.text.en)).toEqual([
      "Cannot be accredited: there is a safeguarding finding, which no plenary may set aside",
    ]);
    expect(decisionProblems(found, notAccredited(), DEFAULT_DECISION_RULES)).toEqual([]);
  });

  it("refuses to accredit on incomplete scores", () => {
    const blank = scored(null);
    expect(computedDecision(blank)).toBe("incomplete");
    expect(fields(decisionProblems(blank, accredit("B", JUSTIFICATION), DEFAULT_DECISION_RULES))).toEqual(["kind"]);
  });

  it("checks BALKS's decision rules", () => {
    expect(decisionRulesProblems(DEFAULT_DECISION_RULES)).toEqual([]);
    expect(fields(decisionRulesProblems({ minJustification: 0, quorum: 1.5 }))).toEqual(["minJustification", "quorum"]);
  });
});

describe("validUntil", () => {
  it("adds the grade's validity years from the instrument's rules", () => {
    expect(validUntil("2026-12-05", "A", DEFAULT_GRADE_RULES)).toBe("2031-12-05");
    expect(validUntil("2026-12-05", "B", DEFAULT_GRADE_RULES)).toBe("2029-12-05");
    expect(validUntil("2026-12-05", "C", DEFAULT_GRADE_RULES)).toBe("2028-12-05");
    expect(validUntil("2028-02-29", "B", DEFAULT_GRADE_RULES)).toBe("2031-02-28");
    expect(
      validUntil("2026-12-05", "A", { bands: DEFAULT_GRADE_RULES.bands.filter((b) => b.grade !== "A") }),
    ).toBeNull();
  });

  it("is after the decision date for every accredited grade and any validity the rules allow", () => {
    fc.assert(
      fc.property(dateArb, fc.constantFrom(...GRADES), fc.integer({ min: 1, max: 10 }), (date, grade, years) => {
        const bands = DEFAULT_GRADE_RULES.bands.map((b) => (b.grade === grade ? { ...b, validityYears: years } : b));
        const until = validUntil(date, grade, { bands });
        expect(until !== null && until > date).toBe(true);
      }),
    );
  });
});

describe("decisionProblems, properties", () => {
  it("deciding what the rules computed never needs a justification", () => {
    fc.assert(
      fc.property(answeredArb, ({ instrument, levels }) => {
        const outcome = scoreAssessment(instrument, instrument.gradeRules, { levels, findings: [] });
        const computed = computedDecision(outcome);
        const decision =
          computed === "not_accredited" || computed === "incomplete" ? notAccredited() : accredit(computed);
        if (computed !== "incomplete") expect(decisionProblems(outcome, decision, DEFAULT_DECISION_RULES)).toEqual([]);
      }),
    );
  });

  it("accrediting over a finding is refused for every grade and justification", () => {
    fc.assert(
      fc.property(answeredArb, fc.constantFrom(...GRADES), fc.string(), ({ instrument, levels }, grade, why) => {
        const code = indicatorsOf(instrument)[0]?.indicator.code ?? "1.1.1";
        const outcome = scoreAssessment(instrument, instrument.gradeRules, {
          levels,
          findings: [{ indicator: code, kind: "danger" }],
        });
        expect(fields(decisionProblems(outcome, accredit(grade, why), DEFAULT_DECISION_RULES))).toContain("kind");
      }),
    );
  });
});

describe("plenaryProblems", () => {
  const TODAY = "2026-12-05";
  const record = (extra: Partial<PlenaryRecord> = {}): PlenaryRecord => ({
    date: "2026-12-04",
    members: ["Ani", "Budi", "Citra"],
    outcome: { kind: "consensus" },
    ...extra,
  });
  const texts = (r: PlenaryRecord) => plenaryProblems(r, DEFAULT_DECISION_RULES, TODAY).map((p) => p.text.id);

  it("accepts a consensus of three and a carried vote", () => {
    expect(texts(record())).toEqual([]);
    expect(texts(record({ outcome: { kind: "vote", for: 2, against: 1, abstain: 0 } }))).toEqual([]);
  });

  it("refuses no quorum, duplicates, a bad or future date, votes that do not add up, a vote not carried", () => {
    expect(texts(record({ members: ["Ani", "Budi"] }))).toEqual(["Pleno tidak kuorum: 2 anggota hadir, minimal 3"]);
    expect(texts(record({ members: ["Ani", "ani ", "Budi"] }))).toEqual(["Anggota pleno tercantum lebih dari sekali"]);
    expect(texts(record({ date: "2026-02-30" }))).toEqual(["Tanggal pleno tidak valid"]);
    expect(texts(record({ date: "2026-12-06" }))).toEqual(["Tanggal pleno tidak boleh di masa depan"]);
    expect(texts(record({ outcome: { kind: "vote", for: 2, against: 1, abstain: 1 } }))).toEqual([
      "Jumlah suara (4) tidak sama dengan anggota yang hadir (3)",
    ]);
    expect(texts(record({ outcome: { kind: "vote", for: 1, against: 1, abstain: 1 } }))).toEqual([
      "Keputusan tidak disetujui pleno: 1 setuju, 1 tidak setuju",
    ]);
    expect(texts(record({ outcome: { kind: "vote", for: 2.5, against: 0, abstain: 0.5 } }))).toEqual([
      "Jumlah suara harus bilangan bulat ≥ 0",
    ]);
    expect(
      plenaryProblems(record({ members: ["Ani", "Budi"] }), { ...DEFAULT_DECISION_RULES, quorum: 2 }, TODAY),
    ).toEqual([]);
  });
});
