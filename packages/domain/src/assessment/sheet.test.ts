import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SMALL, instrumentArb } from "../instruments/test-support.ts";
import { indicatorsOf } from "../instruments/types.ts";
import { scoreSheetGaps } from "./sheet.ts";

const codes = indicatorsOf(SMALL).map(({ indicator }) => indicator.code);
const all = (level: number | null) => Object.fromEntries(codes.map((c) => [c, level]));
const CHECKLIST = [
  { code: "akta", name: "Akta pendirian" },
  { code: "npwp", name: "NPWP" },
];

describe("scoreSheetGaps", () => {
  it("a sheet with every level and every document checked (seen or not) may be submitted", () => {
    expect(scoreSheetGaps(SMALL, all(2), CHECKLIST, { akta: true, npwp: false })).toEqual([]);
  });

  it("names each blank indicator in instrument order, then each unchecked document in checklist order", () => {
    const [first, second] = codes as [string, string];
    const gaps = scoreSheetGaps(SMALL, { ...all(3), [second]: null, [first]: null }, CHECKLIST, { npwp: true });
    expect(gaps.map((g) => g.field)).toEqual([
      `entries[${first}].level`,
      `entries[${second}].level`,
      "documentChecks[akta].present",
    ]);
    expect(gaps[2]?.message).toEqual({
      id: "Dokumen Akta pendirian belum diperiksa (Formulir C)",
      en: "Document Akta pendirian is not checked (Formulir C)",
    });
  });

  it("an empty sheet lacks every indicator; a level of 0 is an answer, not a blank", () => {
    expect(scoreSheetGaps(SMALL, {}, [], {})).toHaveLength(codes.length);
    expect(scoreSheetGaps(SMALL, all(0), [], {})).toEqual([]);
  });

  it("property: the gaps are exactly the instrument's indicators without a level", () => {
    fc.assert(
      fc.property(
        instrumentArb.chain((instrument) => {
          const list = indicatorsOf(instrument).map(({ indicator }) => indicator.code);
          return fc.tuple(fc.constant(instrument), fc.subarray(list), fc.constant(list));
        }),
        ([instrument, scored, list]) => {
          const levels = Object.fromEntries(scored.map((c) => [c, 1]));
          const gaps = scoreSheetGaps(instrument, levels, [], {}).map((g) => g.field);
          expect(gaps).toEqual(list.filter((c) => !scored.includes(c)).map((c) => `entries[${c}].level`));
        },
      ),
    );
  });
});
