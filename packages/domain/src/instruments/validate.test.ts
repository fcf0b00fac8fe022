import { describe, expect, it } from "vitest";
import { SMALL, indicator, instrumentOf } from "./test-support.ts";
import { validateInstrument } from "./validate.ts";
import { CONFIGURABLE_DEFAULT_LABEL, DEFAULT_GRADE_RULES } from "./types.ts";

const copy = () => structuredClone(SMALL);
const codes = (problems: ReturnType<typeof validateInstrument>) => problems.map((p) => p.code);

describe("validateInstrument", () => {
  it("accepts a sound instrument", () => {
    expect(validateInstrument(SMALL)).toEqual([]);
  });

  it("locates a duplicate indicator code, once, at the second occurrence", () => {
    const inst = copy();
    inst.standards[1]!.aspects[0]!.indicators.push(indicator("2.1.1", 1));
    const problems = validateInstrument(inst);
    expect(problems).toEqual([
      {
        code: "duplicate_code",
        where: { standard: "2", aspect: "2.1", indicator: "2.1.1", field: "code" },
        message: {
          id: "Kode indikator 2.1.1 dipakai lebih dari sekali",
          en: "Indicator code 2.1.1 is used more than once",
        },
      },
    ]);
  });

  it("locates weights out of range and an indicator code outside its aspect", () => {
    const inst = copy();
    const a = inst.standards[2]!.aspects[0]!;
    a.indicators[0]!.weight = 5;
    a.indicators[1]!.weight = 1.5;
    a.indicators.push(indicator("3.2.1", 0));
    const problems = validateInstrument(inst);
    expect(problems.map((p) => [p.code, p.where.indicator, p.where.field])).toEqual([
      ["weight_out_of_range", "3.1.1", "weight"],
      ["weight_out_of_range", "3.1.2", "weight"],
      ["bad_code", "3.2.1", "code"],
      ["weight_out_of_range", "3.2.1", "weight"],
    ]);
    expect(problems[0]!.message.id).toBe("Bobot indikator 3.1.1 harus bilangan bulat 1–4, bukan 5");
  });

  it("says component weights must add up to 100, and names a missing or unknown one", () => {
    const inst = copy();
    inst.gradeRules.componentWeights = { "1": 15, "2": 25, "3": 15, "4": 15, "5": 15, "7": 10 };
    const problems = validateInstrument(inst);
    expect(codes(problems)).toEqual(["component_weight_missing", "component_weight_unknown", "component_weights_sum"]);
    expect(problems[0]!.where).toEqual({ standard: "6", field: "componentWeight" });
    expect(problems[2]!.message.en).toBe("The component weights must add up to 100, not 85");
  });

  it("locates a rubric level without a descriptor, and levels out of order", () => {
    const inst = copy();
    const ind = inst.standards[4]!.aspects[0]!.indicators[1]!;
    ind.levels[2]!.descriptor = { id: "Ada sebagian", en: " " };
    ind.levels[4]!.score = 3;
    const problems = validateInstrument(inst);
    expect(problems.map((p) => [p.code, p.where.indicator, p.where.level, p.where.field])).toEqual([
      ["missing_descriptor", "5.1.2", 2, "descriptor"],
      ["levels_out_of_order", "5.1.2", 3, "score"],
    ]);
    expect(problems[1]!.where.levelIndex).toBe(4);
  });

  it("finds overlapping bands, gaps, and bands that do not run from the pass mark to 100", () => {
    const inst = copy();
    inst.gradeRules.bands = [
      { ...DEFAULT_GRADE_RULES.bands[0]!, min: 55, max: 72 },
      { ...DEFAULT_GRADE_RULES.bands[1]!, min: 71, max: 84 },
      { ...DEFAULT_GRADE_RULES.bands[2]!, min: 86, max: 99 },
    ];
    const problems = validateInstrument(inst);
    expect(problems.map((p) => [p.code, p.where.band])).toEqual([
      ["band_overlap", "B"],
      ["band_gap", "A"],
      ["band_ends", "C"],
      ["band_ends", "A"],
    ]);
    expect(problems[1]!.message.id).toBe("Ada celah antara predikat B (sampai 84) dan A (mulai 86)");
  });

  it("finds a standard without indicators and an empty aspect", () => {
    const inst = instrumentOf([[[1]], [[]], [[1]], [[1]], [[1]], [[1]]]);
    expect(validateInstrument(inst).map((p) => [p.code, p.where])).toEqual([
      ["empty_standard", { standard: "2" }],
      ["empty_aspect", { standard: "2", aspect: "2.1" }],
    ]);
  });

  it("checks the lineage's code map", () => {
    const inst = copy();
    inst.lineage = { from: "uji-0", codes: { "1.1.1": "1.2.1", "1.1.2": "1.2.1", "9.9.9": "1.1.1" } };
    expect(validateInstrument(inst).map((p) => [p.code, p.where.indicator])).toEqual([
      ["bad_lineage", "1.1.2"],
      ["bad_lineage", "9.9.9"],
    ]);
  });

  it("carries the configurable-default label in both languages", () => {
    expect(CONFIGURABLE_DEFAULT_LABEL.id).toMatch(/bukan bobot resmi BALKS/);
    expect(CONFIGURABLE_DEFAULT_LABEL.en).toMatch(/not the official BALKS weights/);
  });
});
