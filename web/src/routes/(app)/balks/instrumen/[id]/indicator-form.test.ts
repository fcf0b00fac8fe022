import { describe, expect, it } from "vitest";
import { ApiError } from "#lib/api.ts";
import type { Indicator } from "#lib/api-types.ts";
import { indicatorForm, indicatorOfForm, placeIndicatorErrors } from "./indicator-form.ts";

const indicator: Indicator = {
  code: "2.3.4",
  text: { id: "Teks", en: "Text" },
  guidance: { id: "", en: "" },
  weight: 2,
  evidence: [{ kind: "photo", key: "kamar_tidur", label: { id: "Kamar", en: "Room" } }],
  onSite: true,
  safeguarding: false,
  levels: [
    { score: 0, descriptor: { id: "Tidak ada", en: "None" } },
    { score: 2, descriptor: { id: "Sebagian", en: "Partly" } },
    { score: 4, descriptor: { id: "Lengkap", en: "Complete" } },
  ],
};

describe("indicator edit form", () => {
  it("round-trips an indicator, reading a decimal comma and keeping the code and evidence", () => {
    const form = indicatorForm(indicator);
    expect(indicatorOfForm(indicator, form)).toEqual(indicator);
    form.weight = "3,0";
    form.levels[1]!.score = "";
    const sent = indicatorOfForm(indicator, form);
    expect(sent.weight).toBe(3);
    expect(sent.levels[1]!.score).toBeNaN();
    expect(sent.evidence).toBe(indicator.evidence);
  });

  it("places the domain's problems (levels by score) and the request check's (levels by row) on the row sent", () => {
    const error = new ApiError(400, {
      errors: [
        {
          path: "indicators.2.3.4.levels.2.descriptor",
          message: "Tingkat 2 belum memiliki deskriptor / Level 2 has no descriptor",
        },
        { path: "indicators.2.3.4.weight", message: "Bobot harus 1–4 / Weight must be 1–4" },
        { path: "put.0.indicator.levels.2.score", message: "Harus angka / Must be a number" },
        { path: "put.0.indicator.text.en", message: "Wajib / Required" },
        { path: "gradeRules.bands.A.min", message: "Lain / Other" },
      ],
    });
    expect(placeIndicatorErrors(error, indicator)).toEqual({
      fields: {
        "levels.1.descriptor": "Tingkat 2 belum memiliki deskriptor",
        weight: "Bobot harus 1–4",
        "levels.2.score": "Harus angka",
        text: "Wajib",
      },
      general: ["Lain"],
    });
  });
});
