import { describe, expect, it } from "vitest";
import { reconciliationFlagsByPair } from "./pairs.ts";

const row = (levels: Record<string, number | null>, flagged: boolean) => ({ levels, flags: flagged ? ["x"] : [] });

describe("reconciliation flags per asesor pair", () => {
  it("counts, for each two members of a team, the flagged indicators on which they differ, and the share", () => {
    const pairs = reconciliationFlagsByPair([
      {
        team: ["rina", "budi"],
        indicators: [
          row({ rina: 1, budi: 3 }, true),
          row({ rina: 2, budi: 3 }, false),
          row({ rina: 3, budi: 3 }, false),
        ],
      },
      {
        // A team of three: the flag on the first indicator is Sari's against both, not Rina's and Budi's.
        team: ["budi", "rina", "sari"],
        indicators: [row({ rina: 3, budi: 3, sari: 1 }, true), row({ rina: null, budi: null, sari: null }, false)],
      },
    ]);
    expect(pairs).toEqual([
      { asesors: ["budi", "sari"], visits: 1, indicators: 1, flagged: 1, share: 1 },
      { asesors: ["rina", "sari"], visits: 1, indicators: 1, flagged: 1, share: 1 },
      { asesors: ["budi", "rina"], visits: 2, indicators: 4, flagged: 1, share: 0.25 },
    ]);
  });

  it("is symmetric: the order of a team or of its members changes nothing; a blank against a level differs", () => {
    const a = reconciliationFlagsByPair([{ team: ["x", "y"], indicators: [row({ x: null, y: 2 }, true)] }]);
    const b = reconciliationFlagsByPair([{ team: ["y", "x"], indicators: [row({ y: 2, x: null }, true)] }]);
    expect(a).toEqual(b);
    expect(a[0]).toMatchObject({ asesors: ["x", "y"], flagged: 1, indicators: 1 });
    expect(reconciliationFlagsByPair([])).toEqual([]);
  });
});
