import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { GRADES } from "../instruments/types.ts";
import {
  DEFAULT_NUMBER_TEMPLATE,
  formatCertificateNumber,
  parseCertificateNumber,
  parseNumberTemplate,
  plausibleCertificateNumber,
} from "./number.ts";

describe("certificate numbers", () => {
  it("formats the default as sequence/BALKS/grade/Roman month/year", () => {
    expect(formatCertificateNumber(DEFAULT_NUMBER_TEMPLATE, { sequence: 123, grade: "B", month: 12, year: 2026 })).toBe(
      "0123/BALKS/B/XII/2026",
    );
    expect(parseCertificateNumber(DEFAULT_NUMBER_TEMPLATE, "0123/BALKS/B/XII/2026")).toEqual({
      sequence: 123,
      grade: "B",
      month: 12,
      year: 2026,
    });
  });

  it("refuses numbers that are not in the format's one spelling", () => {
    for (const text of [
      "123/BALKS/B/XII/2026",
      "00123/BALKS/B/XII/2026",
      "0123/BALKS/D/XII/2026",
      "0123/BALKS/B/XIII/2026",
      "0000/BALKS/B/I/2026",
      "0123/balks/B/XII/2026",
      "",
    ]) {
      expect(parseCertificateNumber(DEFAULT_NUMBER_TEMPLATE, text), text).toBeNull();
    }
    // A sequence past the padding is still one spelling.
    expect(parseCertificateNumber(DEFAULT_NUMBER_TEMPLATE, "12345/BALKS/A/I/2027")?.sequence).toBe(12345);
  });

  it("validates templates: {seq} and {year} are needed, parts separated, literals URL-safe", () => {
    expect(parseNumberTemplate("{seq}/{grade}/{year}").ok).toBe(true);
    expect(parseNumberTemplate("{seq}/{grade}").ok).toBe(false);
    expect(parseNumberTemplate("BALKS/{year}").ok).toBe(false);
    expect(parseNumberTemplate("{seq}{year}").ok).toBe(false);
    expect(parseNumberTemplate("{seq} BALKS {year}").ok).toBe(false);
    expect(parseNumberTemplate("{seq}/{seq}/{year}").ok).toBe(false);
  });

  it("property: parse inverts format, and distinct sequences or years give distinct numbers", () => {
    const templates = fc.constantFrom(
      DEFAULT_NUMBER_TEMPLATE,
      "SK-{year}-{seq:5}",
      "{seq:3}.{grade}.{month}.{year}/LKS",
    );
    const parts = fc.record({
      sequence: fc.integer({ min: 1, max: 999_999 }),
      grade: fc.constantFrom(...GRADES),
      month: fc.integer({ min: 1, max: 12 }),
      year: fc.integer({ min: 2000, max: 2099 }),
    });
    fc.assert(
      fc.property(templates, parts, parts, (template, a, b) => {
        const number = formatCertificateNumber(template, a);
        expect(plausibleCertificateNumber(number)).toBe(true);
        const back = parseCertificateNumber(template, number);
        expect(back?.sequence).toBe(a.sequence);
        expect(back?.year).toBe(a.year);
        if (a.sequence !== b.sequence || a.year !== b.year) {
          expect(formatCertificateNumber(template, b)).not.toBe(number);
        }
      }),
    );
  });

  it("plausible numbers are short and URL-safe", () => {
    expect(plausibleCertificateNumber("0123/BALKS/B/XII/2026")).toBe(true);
    expect(plausibleCertificateNumber("x".repeat(65))).toBe(false);
    expect(plausibleCertificateNumber("0123 BALKS")).toBe(false);
    expect(plausibleCertificateNumber("<script>")).toBe(false);
  });
});
