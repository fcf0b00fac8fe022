import { describe, expect, it } from "vitest";
import { compareCycles, compareVersions, indicatorCodeMap } from "./compare.ts";
import { scoreAssessment } from "./scoring.ts";
import { SMALL, indicator } from "./test-support.ts";
import type { InstrumentVersion } from "./types.ts";

/**
 * SMALL (uji-1) → uji-2: 1.1.2 removed; 2.1.1 renumbered 2.1.3 with a new weight; 3.1.1 reworded;
 * 4.1.2 becomes a safeguarding indicator seen on site; 5.1.3 added; standard weights 2 and 5 swap 10 points.
 */
function successor(): InstrumentVersion {
  const next = structuredClone(SMALL);
  next.id = "uji-2";
  const [s1, s2, s3, s4, s5] = next.standards.map((s) => s.aspects[0]!);
  s1!.indicators.splice(1, 1);
  s2!.indicators[0] = { ...s2!.indicators[0]!, code: "2.1.3", weight: 3 };
  s3!.indicators[0]!.text = { id: "Teks baru", en: "New text" };
  Object.assign(s4!.indicators[1]!, { safeguarding: true, onSite: true });
  s5!.indicators.push(indicator("5.1.3", 2));
  next.gradeRules.componentWeights = { ...next.gradeRules.componentWeights, "2": 15, "5": 25 };
  next.gradeRules.passMark = 60;
  next.gradeRules.bands[0]!.min = 60;
  next.lineage = { from: "uji-1", codes: { "2.1.3": "2.1.1" } };
  return next;
}

describe("compareVersions", () => {
  it("lists added, removed and changed indicators with what changed, and the rule changes", () => {
    const diff = compareVersions(SMALL, successor());
    expect(diff.added).toEqual(["5.1.3"]);
    expect(diff.removed).toEqual(["1.1.2"]);
    expect(diff.changed).toEqual([
      { from: "2.1.1", to: "2.1.3", changes: ["code", "weight"] },
      { from: "3.1.1", to: "3.1.1", changes: ["text"] },
      { from: "4.1.2", to: "4.1.2", changes: ["onSite", "safeguarding"] },
    ]);
    expect(diff.unchanged).toBe(12 - 1 - 3);
    expect(diff.componentWeights).toEqual([
      { standard: "2", from: 25, to: 15 },
      { standard: "5", from: 15, to: 25 },
    ]);
    expect(diff.rules).toEqual(["passMark", "bands"]);
  });

  it("maps codes both ways, and a reused code is a new indicator when its old one was renumbered", () => {
    const next = successor();
    // 2.1.1 now names a new indicator, while the old 2.1.1 lives on as 2.1.3.
    next.standards[1]!.aspects[0]!.indicators.push(indicator("2.1.1", 1));
    const map = indicatorCodeMap(SMALL, next);
    expect(map.filter((p) => p.from?.startsWith("2.") || p.to?.startsWith("2."))).toEqual([
      { from: "2.1.1", to: "2.1.3" },
      { from: "2.1.2", to: "2.1.2" },
      { from: null, to: "2.1.1" },
    ]);
    expect(indicatorCodeMap(next, SMALL).find((p) => p.to === "2.1.1")).toEqual({ from: "2.1.3", to: "2.1.1" });
  });
});

describe("compareCycles", () => {
  it("puts a re-accreditation beside the previous cycle across versions", () => {
    const next = successor();
    const all = (inst: InstrumentVersion, level: number) =>
      Object.fromEntries(
        inst.standards.flatMap((s) => s.aspects.flatMap((a) => a.indicators.map((i) => [i.code, level]))),
      );
    const previous = {
      instrument: SMALL,
      result: scoreAssessment(SMALL, SMALL.gradeRules, { levels: all(SMALL, 2), findings: [] }),
    };
    const current = {
      instrument: next,
      result: scoreAssessment(next, next.gradeRules, { levels: all(next, 3), findings: [] }),
    };
    const rows = compareCycles(previous, current);
    // 2 of 4 = 50, 3 of 4 = 75: +25 on every indicator found in both.
    expect(rows.find((r) => r.to === "2.1.3")).toMatchObject({ from: "2.1.1", delta: 25 });
    expect(rows.find((r) => r.to === "5.1.3")).toMatchObject({ from: null, before: null, delta: null });
    expect(rows.find((r) => r.from === "1.1.2")).toMatchObject({ to: null, after: null, delta: null });
  });
});
