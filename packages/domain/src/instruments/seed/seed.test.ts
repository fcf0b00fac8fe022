import { describe, expect, it } from "vitest";
import { compareVersions } from "../compare.ts";
import { scoreAssessment } from "../scoring.ts";
import { instrumentToSheets, sheetsToInstrument } from "../spreadsheet.ts";
import { indicatorsOf, type InstrumentVersion } from "../types.ts";
import { validateInstrument } from "../validate.ts";
import { LKS_TYPES } from "../../registry/vocabulary.ts";
import { SEED_INSTRUMENTS } from "./index.ts";

const byId = (id: string): InstrumentVersion => SEED_INSTRUMENTS.find((i) => i.id === id)!;

describe("seeded instruments", () => {
  it.each(SEED_INSTRUMENTS.map((i) => [i.id, i] as const))("%s validates", (_id, instrument) => {
    expect(validateInstrument(instrument)).toEqual([]);
    expect(instrument.status).toBe("published");
    expect(instrument.standards.map((s) => s.code)).toEqual(["1", "2", "3", "4", "5", "6"]);
  });

  it("has at least 80 LKSA indicators across the six standards, and shorter LKS-LU and LKSPD ones", () => {
    const count = (id: string) => indicatorsOf(byId(id)).length;
    expect(count("lksa-2012-1")).toBeGreaterThanOrEqual(80);
    expect(count("lksa-2025-1")).toBeGreaterThan(count("lksa-2012-1"));
    for (const id of ["lks-lu-2012-1", "lks-lu-2025-1", "lkspd-2012-1", "lkspd-2025-1", "lks-lain-2025-1"]) {
      expect(count(id)).toBeGreaterThanOrEqual(25);
      expect(count(id)).toBeLessThan(count("lksa-2012-1"));
    }
  });

  it("gives every LKS type exactly one instrument under each regulation (none is refused at submission)", () => {
    for (const regulation of ["permensos-17-2012", "permensos-8-2025"])
      for (const type of LKS_TYPES) {
        const fitting = SEED_INSTRUMENTS.filter((i) => i.regulation === regulation && i.lksTypes.includes(type));
        expect(
          fitting.map((i) => i.id),
          `${type} under ${regulation}`,
        ).toHaveLength(1);
      }
    expect(byId("lks-lain-2025-1").lksTypes).toEqual(["LKS-NAPZA", "LKS-ODHA", "LKS-LAIN"]);
    expect(indicatorsOf(byId("lks-lain-2025-1")).map((x) => x.indicator.text.en)).toContainEqual(
      expect.stringMatching(/HIV status, drug history/),
    );
  });

  it("flags the safeguarding harms of the 2025 policy in the 2025 LKSA edition", () => {
    const safeguarding = indicatorsOf(byId("lksa-2025-1"))
      .filter((x) => x.indicator.safeguarding)
      .map((x) => x.indicator.text.en);
    for (const harm of [/bullying/, /sexual violence/, /forced belief or discrimination/, /dangerous situation/])
      expect(safeguarding.some((t) => harm.test(t))).toBe(true);
  });

  it("makes the 2012 → 2025 comparison meaningful: added safeguarding, reweighted, renumbered with a code map", () => {
    const diff = compareVersions(byId("lksa-2012-1"), byId("lksa-2025-1"));
    expect(diff.added).toEqual(["2.4.1", "2.4.4", "2.4.5", "2.4.6"]);
    expect(diff.removed).toEqual([]);
    expect(diff.changed).toContainEqual({ from: "2.4.1", to: "2.4.2", changes: ["code", "weight"] });
    expect(diff.changed).toContainEqual({ from: "2.4.3", to: "2.4.7", changes: ["code", "weight", "safeguarding"] });
    expect(diff.componentWeights.map((c) => c.standard)).toEqual(["1", "2", "5", "6"]);
    expect(byId("lksa-2025-1").lineage).toEqual({
      from: "lksa-2012-1",
      codes: { "2.4.2": "2.4.1", "2.4.3": "2.4.2", "2.4.7": "2.4.3" },
    });
  });

  it("round-trips every seed through the spreadsheet", () => {
    for (const instrument of SEED_INSTRUMENTS)
      expect(sheetsToInstrument(instrumentToSheets(instrument))).toEqual({
        ok: true,
        instrument: { ...instrument, status: "draft" },
      });
  });

  it("scores a plausible LKSA self-assessment", () => {
    const instrument = byId("lksa-2025-1");
    const levels = Object.fromEntries(indicatorsOf(instrument).map((x, n) => [x.indicator.code, n % 3 === 0 ? 2 : 3]));
    const result = scoreAssessment(instrument, instrument.gradeRules, { levels, findings: [] });
    expect(result.outcome).toBe("graded");
    expect(result.grade).toBe("C");
  });
});
