import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_CHECKLISTS_BY_OWNERSHIP, REQUIREMENT_KEY_PATTERN, requirementKeyFrom } from "./checklist.ts";

describe("requirementKeyFrom", () => {
  it("turns what a clerk types or the item's name into a valid key", () => {
    expect(requirementKeyFrom("foto-papan-nama")).toBe("foto_papan_nama");
    expect(requirementKeyFrom("Foto papan nama")).toBe("foto_papan_nama");
    expect(requirementKeyFrom("  17. Surat Keterangan Domisili (asli)  ")).toBe("surat_keterangan_domisili_asli");
    expect(requirementKeyFrom("Pérsetujuan")).toBe("persetujuan");
    expect(requirementKeyFrom("???")).toBe("dokumen");
  });

  it("never repeats a key already on the list", () => {
    expect(requirementKeyFrom("NPWP", ["npwp"])).toBe("npwp_2");
    expect(requirementKeyFrom("NPWP", ["npwp", "npwp_2"])).toBe("npwp_3");
  });

  it("always gives a key the contract accepts", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        expect(requirementKeyFrom(text)).toMatch(REQUIREMENT_KEY_PATTERN);
      }),
    );
  });

  it("names every default item in English too", () => {
    for (const byKind of Object.values(DEFAULT_CHECKLISTS_BY_OWNERSHIP))
      for (const items of Object.values(byKind))
        for (const item of items) expect(item.nameEn && item.descriptionEn, item.key).toBeTruthy();
  });
});
