import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scoreAssessment, type Answers, type SafeguardingFinding } from "../instruments/scoring.ts";
import { SMALL, instrumentArb } from "../instruments/test-support.ts";
import { indicatorsOf, type InstrumentVersion } from "../instruments/types.ts";
import {
  DEFAULT_RECONCILE_RULES,
  lineUp,
  proposeLevel,
  reconcileRulesProblems,
  reconciledAnswers,
  respondToProposal,
  scoreSheetProblems,
  signSheet,
  signedOff,
  startReconciliation,
  type ReconciliationSheet,
  type ScoreSheet,
} from "./reconcile.ts";

/** SMALL (six standards, s.1.1 weight 2 and s.1.2 weight 1, rubric 0–4) with 2.1.2 a safeguarding indicator. */
const INSTRUMENT: InstrumentVersion = structuredClone(SMALL);
const safeguarded = INSTRUMENT.standards[1]?.aspects[0]?.indicators[1];
if (safeguarded) safeguarded.safeguarding = true;

const full = (level: number, change: Record<string, number | null> = {}) => ({
  ...Object.fromEntries(indicatorsOf(INSTRUMENT).map(({ indicator }) => [indicator.code, level])),
  ...change,
});
const sheet = (
  asesorId: string,
  role: "lead" | "member",
  levels: Record<string, number | null>,
  findings: SafeguardingFinding[] = [],
): ScoreSheet => ({ asesorId, name: asesorId === "ani" ? "Ani" : "Budi", role, answers: { levels, findings } });

// Ani (lead) and Budi: equal at 3 except where noted.
const ANI = sheet("ani", "lead", full(3, { "1.1.1": 4, "1.1.2": 1, "2.1.2": 3, "3.1.1": 2, "3.1.2": null }));
const BUDI = sheet("budi", "member", full(3, { "1.1.1": 3, "1.1.2": 3, "2.1.2": 4, "3.1.1": null, "3.1.2": null }), [
  { indicator: "2.1.2", kind: "bullying" },
]);

const must = (step: { sheet: ReconciliationSheet | null; problems: unknown[] }) => {
  expect(step.problems).toEqual([]);
  return step.sheet as ReconciliationSheet;
};

describe("scoreSheetProblems", () => {
  it("accepts a clean sheet and names each bad field otherwise", () => {
    expect(scoreSheetProblems(INSTRUMENT, ANI.answers)).toEqual([]);
    const bad: Answers = {
      levels: { "1.1.1": 7, "9.9.9": 2, "1.1.2": null },
      findings: [
        { indicator: "8.1.1", kind: "danger" },
        { indicator: "1.1.1", kind: "gossip" as "other" },
      ],
    };
    expect(scoreSheetProblems(INSTRUMENT, bad).map((p) => [p.field, p.text.id])).toEqual([
      ["levels.1.1.1", "Tingkat 7 tidak ada di rubrik indikator 1.1.1 (0, 1, 2, 3, 4)"],
      ["levels.9.9.9", "Indikator 9.9.9 tidak ada di instrumen ini"],
      ["findings.0.indicator", "Temuan perlindungan pada indikator 8.1.1 yang tidak ada di instrumen ini"],
      ["findings.1.kind", "Jenis temuan perlindungan tidak dikenal"],
    ]);
  });
});

describe("lineUp, worked example", () => {
  const rows = Object.fromEntries(lineUp(INSTRUMENT, [ANI, BUDI], DEFAULT_RECONCILE_RULES).map((r) => [r.code, r]));

  it("settles a one-level difference by the lower level", () => {
    expect(rows["1.1.1"]).toMatchObject({ levels: { ani: 4, budi: 3 }, spread: 1, flags: [], automatic: 3 });
    expect(rows["4.1.1"]).toMatchObject({ spread: 0, flags: [], automatic: 3 });
  });

  it("flags two levels apart, any difference on a safeguarding indicator, one blank, and differing findings", () => {
    expect(rows["1.1.2"]?.flags.map((f) => f.text.id)).toEqual(["Selisih 2 tingkat (ambang 2)"]);
    expect(rows["1.1.2"]?.automatic).toBeNull();
    expect(rows["2.1.2"]?.flags.map((f) => f.code)).toEqual(["safeguarding", "finding"]);
    expect(rows["3.1.1"]?.flags.map((f) => f.text.en)).toEqual(["Scored by only some of the asesors"]);
    // Both blank: nothing to settle, and the blank goes on to be reported by the scoring.
    expect(rows["3.1.2"]).toMatchObject({ spread: null, flags: [], automatic: null });
  });

  it("follows BALKS's rules: a wider threshold, safeguarding differences not flagged", () => {
    const loose = Object.fromEntries(
      lineUp(INSTRUMENT, [ANI, BUDI], { threshold: 3, safeguardingAnyDifference: false }).map((r) => [r.code, r]),
    );
    expect(loose["1.1.2"]).toMatchObject({ flags: [], automatic: 1 });
    expect(loose["2.1.2"]?.flags.map((f) => f.code)).toEqual(["finding"]);
    expect(reconcileRulesProblems(DEFAULT_RECONCILE_RULES)).toEqual([]);
    expect(reconcileRulesProblems({ threshold: 0, safeguardingAnyDifference: true }).map((p) => p.field)).toEqual([
      "threshold",
    ]);
  });
});

describe("reconciliation, worked through to the grade", () => {
  it("the lead proposes, the member agrees or not, both sign; then the reconciled levels are scored", () => {
    let s = startReconciliation(INSTRUMENT, [ANI, BUDI], DEFAULT_RECONCILE_RULES);
    expect(s.findings).toEqual([{ indicator: "2.1.2", kind: "bullying" }]);
    expect(signedOff(s).reasons.map((r) => r.text.id)).toEqual([
      "Indikator 1.1.2: ketua belum mengusulkan nilai",
      "Indikator 2.1.2: ketua belum mengusulkan nilai",
      "Indikator 3.1.1: ketua belum mengusulkan nilai",
      "Belum ditandatangani oleh Ani (ketua)",
      "Belum ditandatangani oleh Budi (anggota)",
    ]);
    // Signing before agreement is refused.
    expect(signSheet(s, "ani", "2026-12-05T08:00:00Z").problems).toHaveLength(3);

    s = must(proposeLevel(s, INSTRUMENT, "ani", "1.1.2", { level: 2, reason: "Dokumen ada, belum lengkap" }));
    s = must(proposeLevel(s, INSTRUMENT, "ani", "2.1.2", { level: 3, reason: "Temuan perundungan dicatat terpisah" }));
    s = must(proposeLevel(s, INSTRUMENT, "ani", "3.1.1", { level: 2, reason: "Dilihat bersama saat kunjungan" }));
    s = must(respondToProposal(s, "budi", "1.1.2", { agree: true, note: "" }));
    s = must(respondToProposal(s, "budi", "2.1.2", { agree: true, note: "" }));
    s = must(respondToProposal(s, "budi", "3.1.1", { agree: false, note: "Belum melihat dokumennya" }));
    expect(signedOff(s).reasons.map((r) => r.code)).toEqual(["not_agreed", "unsigned", "unsigned"]);
    expect(signedOff(s).reasons[0]?.text.id).toBe("Indikator 3.1.1: belum disetujui oleh Budi");
    // While 3.1.1 is not agreed it scores as blank, never as the lead's proposal.
    expect(reconciledAnswers(s).levels["3.1.1"]).toBeNull();

    s = must(respondToProposal(s, "budi", "3.1.1", { agree: true, note: "Sudah diperlihatkan" }));
    s = must(signSheet(s, "ani", "2026-12-05T08:00:00Z"));
    expect(signedOff(s).signedOff).toBe(false);
    s = must(signSheet(s, "budi", "2026-12-05T08:05:00Z"));
    expect(signedOff(s)).toEqual({
      signedOff: true,
      reasons: [
        {
          code: "signed_off",
          text: {
            id: "Rekonsiliasi disetujui dan ditandatangani seluruh tim",
            en: "Reconciliation agreed and signed by the whole team",
          },
        },
      ],
    });

    const answers = reconciledAnswers(s);
    expect(answers.levels).toMatchObject({ "1.1.1": 3, "1.1.2": 2, "2.1.2": 3, "3.1.1": 2, "3.1.2": null });
    // The finding stands whatever the levels: not accredited. The blank 3.1.2 is reported too, and
    // standard 3 (3.1.1 at 2 of 4, weight 2: 4/8 = 50) sits under the pass mark.
    const result = scoreAssessment(INSTRUMENT, INSTRUMENT.gradeRules, answers);
    expect(result.outcome).toBe("not_accredited");
    expect(result.reasons.map((r) => r.code)).toEqual(["safeguarding_finding", "blanks", "component_below_pass"]);
  });

  it("without findings and blanks the reconciled sheet gets the grade the rules give", () => {
    const a = sheet("ani", "lead", full(3, { "1.1.2": 1 }));
    // Budi's 2.1.2 agrees with Ani's: a safeguarding indicator a level apart would be flagged.
    const b = sheet("budi", "member", full(4, { "1.1.2": 3, "2.1.2": 3 }));
    let s = startReconciliation(INSTRUMENT, [b, a], DEFAULT_RECONCILE_RULES);
    expect(s.lead).toBe("ani");
    s = must(proposeLevel(s, INSTRUMENT, "ani", "1.1.2", { level: 3, reason: "Laporan kegiatan lengkap di lokasi" }));
    s = must(respondToProposal(s, "budi", "1.1.2", { agree: true, note: "" }));
    s = must(signSheet(must(signSheet(s, "budi", "2026-12-05T09:00:00Z")), "ani", "2026-12-05T09:01:00Z"));
    expect(signedOff(s).signedOff).toBe(true);
    // Every indicator at 3 (the lower of 3 and 4, and the agreed 3): each standard 75, total 75 → B.
    const result = scoreAssessment(INSTRUMENT, INSTRUMENT.gradeRules, reconciledAnswers(s));
    expect([result.total, result.grade]).toEqual([75, "B"]);
  });

  it("refuses what is not each person's to do, and a new proposal clears agreement and signatures", () => {
    let s = startReconciliation(INSTRUMENT, [ANI, BUDI], DEFAULT_RECONCILE_RULES);
    const codes = (step: { problems: { field: string }[] }) => step.problems.map((p) => p.field);
    expect(codes(proposeLevel(s, INSTRUMENT, "budi", "1.1.2", { level: 2, reason: "Saya kira cukup" }))).toEqual([
      "asesorId",
    ]);
    expect(codes(proposeLevel(s, INSTRUMENT, "ani", "1.1.1", { level: 4, reason: "Tidak ditandai" }))).toEqual([
      "indicator",
    ]);
    expect(codes(proposeLevel(s, INSTRUMENT, "ani", "7.1.1", { level: 4, reason: "Tidak ada indikatornya" }))).toEqual([
      "indicator",
    ]);
    expect(codes(proposeLevel(s, INSTRUMENT, "ani", "1.1.2", { level: 5, reason: "Tingkat tidak ada" }))).toEqual([
      "level",
    ]);
    expect(codes(proposeLevel(s, INSTRUMENT, "ani", "1.1.2", { level: 2, reason: " ok " }))).toEqual(["reason"]);
    expect(codes(respondToProposal(s, "budi", "1.1.2", { agree: true, note: "" }))).toEqual(["indicator"]);
    expect(codes(respondToProposal(s, "ani", "1.1.2", { agree: true, note: "" }))).toEqual(["asesorId"]);
    expect(codes(signSheet(s, "citra", "2026-12-05T08:00:00Z"))).toEqual(["asesorId"]);

    for (const code of ["1.1.2", "2.1.2", "3.1.1"]) {
      s = must(proposeLevel(s, INSTRUMENT, "ani", code, { level: 2, reason: "Disepakati di lokasi" }));
      s = must(respondToProposal(s, "budi", code, { agree: true, note: "" }));
    }
    expect(codes(respondToProposal(s, "budi", "1.1.2", { agree: false, note: "  " }))).toEqual(["note"]);
    s = must(signSheet(must(signSheet(s, "ani", "t1")), "budi", "t2"));
    expect(signedOff(s).signedOff).toBe(true);
    s = must(proposeLevel(s, INSTRUMENT, "ani", "1.1.2", { level: 1, reason: "Setelah diperiksa ulang" }));
    expect(s.signatures).toEqual({});
    expect(s.indicators.find((r) => r.code === "1.1.2")?.responses).toEqual({});
    expect(signedOff(s).signedOff).toBe(false);
  });
});

describe("reconciliation, properties", () => {
  /** An instrument, two sheets with any levels (blanks included) and some findings. */
  const caseArb = instrumentArb.chain((instrument) => {
    const all = indicatorsOf(instrument).map(({ indicator }) => indicator);
    const levelsArb = fc.tuple(...all.map((i) => fc.option(fc.constantFrom(...i.levels.map((l) => l.score)))));
    const findingsArb = fc.array(
      fc.record({
        indicator: fc.constantFrom(...all.map((i) => i.code)),
        kind: fc.constantFrom("bullying", "danger") as fc.Arbitrary<SafeguardingFinding["kind"]>,
      }),
      { maxLength: 2 },
    );
    const sheetArb = fc.record({ levels: levelsArb, findings: findingsArb }).map(
      ({ levels, findings }): Answers => ({
        levels: Object.fromEntries(all.map((i, n) => [i.code, levels[n] ?? null])),
        findings,
      }),
    );
    return fc.record({
      instrument: fc.constant(instrument),
      a: sheetArb,
      b: sheetArb,
      rules: fc.record({ threshold: fc.integer({ min: 1, max: 4 }), safeguardingAnyDifference: fc.boolean() }),
    });
  });

  it("flags and the automatic level are symmetric in the two asesors", () => {
    fc.assert(
      fc.property(caseArb, ({ instrument, a, b, rules }) => {
        const one = lineUp(
          instrument,
          [sheet("ani", "lead", a.levels, a.findings), sheet("budi", "member", b.levels, b.findings)],
          rules,
        );
        const two = lineUp(
          instrument,
          [sheet("ani", "member", b.levels, b.findings), sheet("budi", "lead", a.levels, a.findings)],
          rules,
        );
        expect(two.map((r) => [r.code, r.flags, r.automatic, r.spread])).toEqual(
          one.map((r) => [r.code, r.flags, r.automatic, r.spread]),
        );
      }),
    );
  });

  it("an unflagged indicator reconciles to a level no higher than any asesor's", () => {
    fc.assert(
      fc.property(caseArb, ({ instrument, a, b, rules }) => {
        for (const row of lineUp(
          instrument,
          [sheet("ani", "lead", a.levels), sheet("budi", "member", b.levels)],
          rules,
        )) {
          if (row.automatic === null) continue;
          for (const level of Object.values(row.levels)) expect(level).not.toBeNull();
          expect(row.automatic).toBe(Math.min(...(Object.values(row.levels) as number[])));
        }
      }),
    );
  });

  it("with every flagged indicator agreed, the sheet is signed off exactly when both signed", () => {
    fc.assert(
      fc.property(caseArb, fc.boolean(), fc.boolean(), ({ instrument, a, b, rules }, leadSigns, memberSigns) => {
        let s = startReconciliation(
          instrument,
          [sheet("ani", "lead", a.levels, a.findings), sheet("budi", "member", b.levels, b.findings)],
          rules,
        );
        for (const row of s.indicators.filter((r) => r.flags.length > 0)) {
          const level =
            indicatorsOf(instrument).find(({ indicator }) => indicator.code === row.code)?.indicator.levels[0]?.score ??
            0;
          s = must(proposeLevel(s, instrument, "ani", row.code, { level, reason: "Disepakati bersama tim" }));
          s = must(respondToProposal(s, "budi", row.code, { agree: true, note: "" }));
        }
        if (leadSigns) s = must(signSheet(s, "ani", "t1"));
        if (memberSigns) s = must(signSheet(s, "budi", "t2"));
        expect(signedOff(s).signedOff).toBe(leadSigns && memberSigns);
        // A signed-off sheet has no blank where an asesor scored: its levels are all settled.
        if (leadSigns && memberSigns) {
          const levels = reconciledAnswers(s).levels;
          for (const row of s.indicators)
            if (Object.values(row.levels).some((l) => l !== null)) expect(levels[row.code]).not.toBeNull();
        }
      }),
    );
  });
});
