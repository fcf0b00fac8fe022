import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_CONFLICT_RULES,
  affiliationProblems,
  conflictDeclaration,
  conflictRulesProblems,
  eligibility,
  type ConflictRules,
} from "./conflicts.ts";
import { LKS, TODAY, affiliationArb, asesor, asesorArb, conflictRulesArb, dateArb, lksArb } from "./test-support.ts";

const codes = (r: ReturnType<typeof eligibility>) => r.reasons.map((x) => x.code);
const rules = (change: Partial<ConflictRules> = {}): ConflictRules => ({ ...DEFAULT_CONFLICT_RULES, ...change });

describe("eligibility, worked examples", () => {
  it("an active LKSA asesor from another province with no ties is eligible, saying which type they cover", () => {
    const r = eligibility(asesor("a"), LKS, DEFAULT_CONFLICT_RULES, TODAY);
    expect(r.eligible).toBe(true);
    expect(r.reasons).toEqual([
      {
        code: "eligible",
        text: {
          id: "Dapat menilai: berkualifikasi untuk LKSA (LKS Anak (panti asuhan)); tidak ada konflik kepentingan yang tercatat",
          en: "Eligible: qualified for LKSA (LKS Anak (panti asuhan)); no conflict of interest on record",
        },
      },
    ]);
  });

  it("an inactive asesor, and one without the LKS's type, are excluded with reasons", () => {
    expect(codes(eligibility(asesor("a", { active: false }), LKS, DEFAULT_CONFLICT_RULES, TODAY))).toEqual([
      "inactive",
    ]);
    const r = eligibility(asesor("a", { lksTypes: ["LKS-LU"] }), LKS, DEFAULT_CONFLICT_RULES, TODAY);
    expect(r.eligible).toBe(false);
    expect(r.reasons[0]?.text.id).toBe("Asesor a tidak berkualifikasi menilai LKSA");
  });

  it("covering one of a multi-type LKS's types is enough (the team covers the rest)", () => {
    const lks = { ...LKS, types: ["LKSA", "LKSPD"] as const };
    expect(
      eligibility(
        asesor("a", { lksTypes: ["LKSPD"] }),
        { ...lks, types: [...lks.types] },
        DEFAULT_CONFLICT_RULES,
        TODAY,
      ).eligible,
    ).toBe(true);
  });

  it("a tie with the LKS's foundation within two years excludes, counted inclusively; a day later it does not", () => {
    // Ended 2024-12-05: exactly two years before 2026-12-05, still "within two years".
    const worked = asesor("a", {
      affiliations: [
        {
          kind: "employment",
          lksId: null,
          organisation: "yayasan kasih  bunda.",
          from: "2019-01-01",
          to: "2024-12-05",
        },
      ],
    });
    const r = eligibility(worked, LKS, DEFAULT_CONFLICT_RULES, TODAY);
    expect(codes(r)).toEqual(["recent_tie"]);
    expect(r.reasons[0]?.text.id).toBe(
      "Memiliki pekerjaan dengan LKS ini atau yayasannya (sampai 2024-12-05), dalam 2 tahun terakhir",
    );
    expect(eligibility(worked, LKS, DEFAULT_CONFLICT_RULES, "2026-12-06").eligible).toBe(true);
    // Three years configured: excluded again; the rule switched off: eligible.
    expect(eligibility(worked, LKS, rules({ recentTie: { on: true, years: 3 } }), "2026-12-06").eligible).toBe(false);
    expect(eligibility(worked, LKS, rules({ recentTie: { on: false, years: 2 } }), TODAY).eligible).toBe(true);
  });

  it("an ongoing tie with the LKS itself excludes; a tie with another LKS does not", () => {
    const family = asesor("a", {
      affiliations: [
        { kind: "family", lksId: "lks-1", organisation: null, from: "2010-01-01", to: null },
        { kind: "employment", lksId: "lks-9", organisation: "Yayasan Lain", from: "2025-01-01", to: null },
      ],
    });
    const r = eligibility(family, LKS, DEFAULT_CONFLICT_RULES, TODAY);
    expect(r.reasons.map((x) => x.text.en)).toEqual([
      "Has a family tie with this LKS or its foundation (ongoing), within the last 2 years",
    ]);
  });

  it("having assessed the LKS in its last cycle excludes; an older cycle does not", () => {
    const last = asesor("a", { assessments: [{ lksId: "lks-1", cycleDate: "2023-05-29" }] });
    expect(codes(eligibility(last, LKS, DEFAULT_CONFLICT_RULES, TODAY))).toEqual(["assessed_last_cycle"]);
    const older = asesor("a", { assessments: [{ lksId: "lks-1", cycleDate: "2020-03-01" }] });
    expect(eligibility(older, LKS, DEFAULT_CONFLICT_RULES, TODAY).eligible).toBe(true);
    // Without a recorded previous cycle any earlier assessment counts (fail safe).
    expect(eligibility(older, { ...LKS, lastCycleDate: null }, DEFAULT_CONFLICT_RULES, TODAY).eligible).toBe(false);
    expect(eligibility(last, LKS, rules({ assessedLastCycle: { on: false } }), TODAY).eligible).toBe(true);
  });

  it("living in the LKS's kab/kota excludes while the rule is on", () => {
    const local = asesor("a", { provinceCode: "36", kabKotaCode: "36.02" });
    expect(codes(eligibility(local, LKS, DEFAULT_CONFLICT_RULES, TODAY))).toEqual(["same_kab_kota"]);
    expect(eligibility(local, LKS, rules({ sameKabKota: { on: false } }), TODAY).eligible).toBe(true);
  });

  it("names every excluding rule, not only the first", () => {
    const all = asesor("a", {
      active: false,
      lksTypes: [],
      kabKotaCode: "36.02",
      affiliations: [
        { kind: "foundation", lksId: null, organisation: "Yayasan Kasih Bunda", from: "2020-01-01", to: null },
      ],
      assessments: [{ lksId: "lks-1", cycleDate: "2023-05-29" }],
    });
    expect(codes(eligibility(all, LKS, DEFAULT_CONFLICT_RULES, TODAY))).toEqual([
      "inactive",
      "no_type_expertise",
      "recent_tie",
      "assessed_last_cycle",
      "same_kab_kota",
    ]);
  });

  it("checks BALKS's look-back", () => {
    expect(conflictRulesProblems(DEFAULT_CONFLICT_RULES)).toEqual([]);
    for (const years of [0, 1.5, 11, Number.NaN])
      expect(conflictRulesProblems(rules({ recentTie: { on: true, years } })).map((p) => p.field)).toEqual([
        "recentTie.years",
      ]);
  });
});

describe("affiliationProblems", () => {
  const tie = {
    kind: "employment" as const,
    lksId: null,
    organisation: "Yayasan A",
    from: "2020-01-01",
    to: "2022-01-01",
  };
  it("accepts a dated tie that names what it is with", () => {
    expect(affiliationProblems(tie)).toEqual([]);
    expect(affiliationProblems({ ...tie, to: null })).toEqual([]);
  });
  it("refuses a tie with nothing named, bad dates, or an end before its start", () => {
    const fields = (a: typeof tie | Parameters<typeof affiliationProblems>[0]) =>
      affiliationProblems(a).map((p) => p.field);
    expect(fields({ ...tie, organisation: " " })).toEqual(["organisation"]);
    expect(fields({ ...tie, from: "2020-13-01", to: "2021-02-29" })).toEqual(["from", "to"]);
    expect(affiliationProblems({ ...tie, to: "2019-12-31" })[0]?.text.id).toBe(
      "Tanggal selesai tidak boleh sebelum tanggal mulai",
    );
  });
});

describe("conflictDeclaration", () => {
  it("states the rules in force, in both languages", () => {
    const statements = conflictDeclaration("Ani", "LKSA Kasih Bunda", DEFAULT_CONFLICT_RULES);
    expect(statements).toHaveLength(5);
    expect(statements[0]?.id).toContain("dalam 2 tahun terakhir");
    expect(statements[2]?.en).toBe("I did not assess LKSA Kasih Bunda in its previous accreditation cycle.");
    const looser = conflictDeclaration(
      "Ani",
      "LKSA Kasih Bunda",
      rules({
        recentTie: { on: true, years: 3 },
        assessedLastCycle: { on: false },
      }),
    );
    expect(looser).toHaveLength(4);
    expect(looser[0]?.en).toContain("in the last 3 years");
    expect(looser.some((s) => s.en.includes("previous accreditation cycle"))).toBe(false);
  });
});

describe("eligibility, properties", () => {
  it("is monotone: adding an affiliation never makes an excluded asesor eligible", () => {
    fc.assert(
      fc.property(asesorArb, lksArb, conflictRulesArb, affiliationArb, dateArb, (a, lks, r, extra, today) => {
        const before = eligibility(a, lks, r, today);
        const after = eligibility({ ...a, affiliations: [...a.affiliations, extra] }, lks, r, today);
        if (!before.eligible) expect(after.eligible).toBe(false);
        // And it keeps every reason it had: a new tie only adds.
        if (!before.eligible) expect(after.reasons).toEqual(expect.arrayContaining(before.reasons));
      }),
    );
  });

  it("switching a rule on never makes an excluded asesor eligible", () => {
    fc.assert(
      fc.property(asesorArb, lksArb, conflictRulesArb, dateArb, (a, lks, r, today) => {
        const all: ConflictRules = {
          recentTie: { on: true, years: r.recentTie.years },
          assessedLastCycle: { on: true },
          sameKabKota: { on: true },
        };
        if (!eligibility(a, lks, r, today).eligible) expect(eligibility(a, lks, all, today).eligible).toBe(false);
      }),
    );
  });

  it("an eligible verdict has exactly one reason, an excluded one has no 'eligible' reason", () => {
    fc.assert(
      fc.property(asesorArb, lksArb, conflictRulesArb, dateArb, (a, lks, r, today) => {
        const e = eligibility(a, lks, r, today);
        if (e.eligible) expect(codes(e)).toEqual(["eligible"]);
        else expect(e.reasons.length > 0 && !codes(e).includes("eligible")).toBe(true);
      }),
    );
  });
});
