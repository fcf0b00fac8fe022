/**
 * Asesors, LKS and generators for the assessment tests. Not exported from the package.
 */
import fc from "fast-check";
import { LKS_TYPES } from "../registry/vocabulary.ts";
import { AFFILIATION_KINDS, type Affiliation, type Asesor, type LksUnderAssessment } from "./conflicts.ts";

export const TODAY = "2026-12-05";

export const LKS: LksUnderAssessment = {
  id: "lks-1",
  types: ["LKSA"],
  provinceCode: "36",
  kabKotaCode: "36.02",
  organisation: "Yayasan Kasih Bunda",
  lastCycleDate: "2023-05-29",
};

export const asesor = (id: string, extra: Partial<Asesor> = {}): Asesor => ({
  id,
  name: `Asesor ${id}`,
  provinceCode: "32",
  kabKotaCode: "32.73",
  background: "practitioner",
  lksTypes: ["LKSA"],
  active: true,
  affiliations: [],
  assessments: [],
  ...extra,
});

const dateArb = fc
  .date({ min: new Date("2015-01-01T00:00:00Z"), max: new Date("2030-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

export const affiliationArb: fc.Arbitrary<Affiliation> = fc.record({
  kind: fc.constantFrom(...AFFILIATION_KINDS),
  lksId: fc.constantFrom(null, "lks-1", "lks-2"),
  organisation: fc.constantFrom(null, "Yayasan Kasih Bunda", "YAYASAN  kasih-bunda", "Yayasan Lain"),
  from: dateArb,
  to: fc.option(dateArb),
});

export const asesorArb: fc.Arbitrary<Asesor> = fc.record({
  id: fc.uuid(),
  name: fc.constantFrom("Ani", "Budi", "Citra", "Dewi", "Eko"),
  provinceCode: fc.constantFrom("36", "32", "31"),
  kabKotaCode: fc.constantFrom("36.02", "36.03", "32.73", "31.71"),
  background: fc.constantFrom("academic", "practitioner", "trainer"),
  lksTypes: fc.subarray([...LKS_TYPES]),
  active: fc.boolean(),
  affiliations: fc.array(affiliationArb, { maxLength: 3 }),
  assessments: fc.array(fc.record({ lksId: fc.constantFrom("lks-1", "lks-2"), cycleDate: dateArb }), { maxLength: 2 }),
});

export const lksArb: fc.Arbitrary<LksUnderAssessment> = fc.record({
  id: fc.constantFrom("lks-1", "lks-2"),
  types: fc.subarray([...LKS_TYPES], { minLength: 1 }),
  provinceCode: fc.constantFrom("36", "32"),
  kabKotaCode: fc.constantFrom("36.02", "32.73"),
  organisation: fc.constantFrom(null, "Yayasan Kasih Bunda"),
  lastCycleDate: fc.option(dateArb),
});

export const conflictRulesArb = fc.record({
  recentTie: fc.record({ on: fc.boolean(), years: fc.integer({ min: 1, max: 5 }) }),
  assessedLastCycle: fc.record({ on: fc.boolean() }),
  sameKabKota: fc.record({ on: fc.boolean() }),
});

export { dateArb };
