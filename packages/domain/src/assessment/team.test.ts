import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFLICT_RULES } from "./conflicts.ts";
import {
  DEFAULT_TEAM_RULES,
  rankCandidates,
  teamComplete,
  teamRulesProblems,
  type Candidate,
  type TeamMember,
} from "./team.ts";
import { LKS, TODAY, asesor, asesorArb, conflictRulesArb, dateArb, lksArb } from "./test-support.ts";

const candidate = (id: string, extra: Parameters<typeof asesor>[1] = {}, open = 0): Candidate => ({
  asesor: asesor(id, { name: id, ...extra }),
  openAssignments: open,
});

describe("rankCandidates, worked example", () => {
  it("orders eligible by type expertise, distance, workload, name; excluded after, with reasons", () => {
    const lks = { ...LKS, types: ["LKSA" as const, "LKSPD" as const] };
    const ranked = rankCandidates(
      [
        candidate("Zaki", { provinceCode: "36", kabKotaCode: "36.02" }), // same kab/kota: excluded
        candidate("Wati", { provinceCode: "31", kabKotaCode: "31.71" }, 0), // other province
        candidate("Sari", { provinceCode: "36", kabKotaCode: "36.03" }, 3), // same province, busy
        candidate("Rudi", { provinceCode: "36", kabKotaCode: "36.04" }, 1), // same province
        candidate("Ayu", { provinceCode: "31", kabKotaCode: "31.71", lksTypes: ["LKSA", "LKSPD"] }, 4), // both types
        candidate("Bagus", { active: false }),
        candidate("Dian", { provinceCode: "36", kabKotaCode: "36.04" }, 1), // ties Rudi: by name
      ],
      lks,
      DEFAULT_CONFLICT_RULES,
      TODAY,
    );
    expect(ranked.map((c) => [c.asesor.name, c.eligible])).toEqual([
      ["Ayu", true],
      ["Dian", true],
      ["Rudi", true],
      ["Sari", true],
      ["Wati", true],
      ["Bagus", false],
      ["Zaki", false],
    ]);
    expect(ranked.at(-1)?.reasons.map((r) => r.code)).toEqual(["same_kab_kota"]);
    expect(ranked[0]).toMatchObject({ typesCovered: 2, distance: "other_province" });
  });

  it("puts an asesor of the same kab/kota first when BALKS switched that rule off", () => {
    const ranked = rankCandidates(
      [
        candidate("B", { provinceCode: "36", kabKotaCode: "36.03" }),
        candidate("A", { provinceCode: "36", kabKotaCode: "36.02" }, 2),
      ],
      LKS,
      { ...DEFAULT_CONFLICT_RULES, sameKabKota: { on: false } },
      TODAY,
    );
    expect(ranked.map((c) => [c.asesor.name, c.distance])).toEqual([
      ["A", "same_kab_kota"],
      ["B", "same_province"],
    ]);
  });
});

describe("rankCandidates, properties", () => {
  it("is a permutation that puts every eligible candidate before every excluded one", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ asesor: asesorArb, openAssignments: fc.nat(6) }), {
          maxLength: 12,
          selector: (c) => c.asesor.id,
        }),
        lksArb,
        conflictRulesArb,
        dateArb,
        (candidates, lks, rules, today) => {
          const ranked = rankCandidates(candidates, lks, rules, today);
          expect(ranked.map((c) => c.asesor).sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual(
            candidates.map((c) => c.asesor).sort((a, b) => (a.id < b.id ? -1 : 1)),
          );
          const firstExcluded = ranked.findIndex((c) => !c.eligible);
          if (firstExcluded >= 0) expect(ranked.slice(firstExcluded).every((c) => !c.eligible)).toBe(true);
          // Reordering the input does not change the ranking.
          expect(rankCandidates([...candidates].reverse(), lks, rules, today).map((c) => c.asesor.id)).toEqual(
            ranked.map((c) => c.asesor.id),
          );
        },
      ),
    );
  });
});

const member = (name: string, extra: Partial<TeamMember> = {}): TeamMember => ({
  asesorId: name.toLowerCase(),
  name,
  role: "member",
  status: "accepted",
  declaredAt: "2026-12-01T03:00:00Z",
  declineReason: null,
  ...extra,
});

describe("teamComplete", () => {
  it("is complete with one accepted lead and one accepted member, both declared", () => {
    const r = teamComplete([member("Ani", { role: "lead" }), member("Budi")], DEFAULT_TEAM_RULES);
    expect(r).toEqual({
      complete: true,
      reasons: [
        {
          code: "complete",
          text: {
            id: "Tim lengkap: Ani (ketua) dan 1 anggota sudah menerima",
            en: "Team complete: Ani (lead) and 1 member have accepted",
          },
        },
      ],
    });
  });

  it("names everything missing: a pending invitation, a decline to replace, a missing declaration, no lead, too few", () => {
    const r = teamComplete(
      [
        member("Ani", { role: "lead", status: "declined", declineReason: "sakit" }),
        member("Budi", { status: "invited", declaredAt: null }),
        member("Citra", { declaredAt: null }),
      ],
      DEFAULT_TEAM_RULES,
    );
    expect(r.complete).toBe(false);
    expect(r.reasons.map((x) => x.text.id)).toEqual([
      "Ani menolak penugasan (sakit): ganti asesor",
      "Menunggu Budi menerima penugasan",
      "Citra belum menandatangani pernyataan tidak ada konflik kepentingan",
      "Belum ada ketua tim yang menerima",
      "1 dari 2 asesor sudah menerima",
    ]);
  });

  it("refuses two leads, the same asesor twice, and more than the size", () => {
    const codes = (team: TeamMember[], size = 2) => teamComplete(team, { size }).reasons.map((x) => x.code);
    expect(codes([member("Ani", { role: "lead" }), member("Budi", { role: "lead" })])).toEqual(["several_leads"]);
    expect(codes([member("Ani", { role: "lead" }), member("Ani")])).toEqual(["duplicate"]);
    expect(codes([member("Ani", { role: "lead" }), member("Budi"), member("Citra")])).toEqual(["too_many"]);
    expect(codes([member("Ani", { role: "lead" }), member("Budi"), member("Citra")], 3)).toEqual(["complete"]);
  });

  it("checks BALKS's team size", () => {
    expect(teamRulesProblems(DEFAULT_TEAM_RULES)).toEqual([]);
    for (const size of [1, 2.5, 6]) expect(teamRulesProblems({ size }).map((p) => p.field)).toEqual(["size"]);
  });
});
