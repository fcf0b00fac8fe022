import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { GRADES } from "../instruments/types.ts";
import { LKS_STATUSES } from "../registry/vocabulary.ts";
import {
  COVERAGE_CATEGORIES,
  accreditedTotal,
  coverageCategory,
  emptyCoverageCounts,
  type CoverageFacts,
} from "./coverage.ts";

const TODAY = "2026-12-05";
const verified: CoverageFacts = {
  registration: "registered",
  openSubmitted: false,
  everSubmitted: false,
  certificates: [],
  declinedOn: [],
};
const cert = (grade: "A" | "B" | "C", validFrom: string, validUntil: string, withdrawnOn?: string) => ({
  grade,
  validFrom,
  validUntil,
  withdrawnOn,
});

describe("coverage category of one LKS", () => {
  it.each<[string, Partial<CoverageFacts>, string]>([
    [
      "stopped, even with a valid certificate",
      { registration: "inactive", certificates: [cert("A", "2025-01-01", "2029-12-31")] },
      "inactive",
    ],
    ["waiting for verification", { registration: "pending_verification" }, "registered"],
    ["returned to fix its registration", { registration: "returned" }, "registered"],
    ["verified, nothing submitted", {}, "never_applied"],
    ["verified, every application withdrawn", { everSubmitted: true }, "verified"],
    ["an application under way", { everSubmitted: true, openSubmitted: true }, "in_process"],
    ["a certificate in force", { certificates: [cert("B", "2025-01-01", "2027-12-31")] }, "accredited_b"],
    ["in force on its last day", { certificates: [cert("C", "2024-12-06", TODAY)] }, "accredited_c"],
    ["accredited, certificate being made", { awaitingCertificate: "A", openSubmitted: true }, "accredited_a"],
    [
      "renewal under way keeps the grade",
      { openSubmitted: true, certificates: [cert("A", "2022-01-01", "2026-12-31")] },
      "accredited_a",
    ],
    ["run out", { certificates: [cert("C", "2023-01-01", "2024-12-31")] }, "expired"],
    [
      "run out, renewal under way",
      { openSubmitted: true, certificates: [cert("C", "2023-01-01", "2024-12-31")] },
      "in_process",
    ],
    ["declined", { everSubmitted: true, declinedOn: ["2026-03-01"] }, "not_accredited"],
    [
      "declined after its certificate ran out",
      { declinedOn: ["2026-03-01"], certificates: [cert("C", "2023-01-01", "2024-12-31")] },
      "not_accredited",
    ],
    [
      "ran out after an earlier decline",
      { declinedOn: ["2020-03-01"], certificates: [cert("C", "2023-01-01", "2024-12-31")] },
      "expired",
    ],
    ["revoked", { certificates: [cert("A", "2025-01-01", "2029-12-31", "2026-06-01")] }, "suspended_revoked"],
    [
      "revoked, then a newer certificate",
      { certificates: [cert("A", "2022-01-01", "2026-12-31", "2023-06-01"), cert("B", "2025-01-01", "2027-12-31")] },
      "accredited_b",
    ],
    [
      "a future revocation is not yet one",
      { certificates: [cert("A", "2025-01-01", "2029-12-31", "2027-01-01")] },
      "accredited_a",
    ],
    [
      "a certificate from tomorrow is not yet in force",
      { certificates: [cert("A", "2026-12-06", "2031-12-05")] },
      "never_applied",
    ],
  ])("%s", (_name, facts, expected) => {
    expect(coverageCategory({ ...verified, ...facts }, TODAY)).toBe(expected);
  });

  const day = fc
    .integer({ min: 0, max: 4000 })
    .map((n) => new Date(Date.UTC(2018, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
  const facts: fc.Arbitrary<CoverageFacts> = fc.record({
    registration: fc.constantFrom(...LKS_STATUSES),
    openSubmitted: fc.boolean(),
    everSubmitted: fc.boolean(),
    awaitingCertificate: fc.option(fc.constantFrom(...GRADES)),
    // Distinct start days: two certificates of one LKS never start the same day (a renewal supersedes).
    certificates: fc.uniqueArray(
      fc
        .record({
          grade: fc.constantFrom(...GRADES),
          validFrom: day,
          years: fc.integer({ min: 1, max: 5 }),
          withdrawnOn: fc.option(day),
        })
        .map(({ years, validFrom, ...rest }) => ({
          ...rest,
          validFrom,
          validUntil: `${Number(validFrom.slice(0, 4)) + years}${validFrom.slice(4)}`,
        })),
      { maxLength: 4, selector: (c) => c.validFrom },
    ),
    declinedOn: fc.array(day, { maxLength: 3 }),
  });

  it("puts every LKS in exactly one category, so the categories add up to the number of LKS", () => {
    fc.assert(
      fc.property(fc.array(facts, { maxLength: 40 }), day, (all, today) => {
        const counts = emptyCoverageCounts();
        for (const f of all) {
          const category = coverageCategory(f, today);
          expect(COVERAGE_CATEGORIES).toContain(category);
          counts[category]++;
        }
        expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(all.length);
      }),
    );
  });

  it("calls an LKS accredited exactly when it holds a certificate in force or awaits one", () => {
    fc.assert(
      fc.property(facts, day, (f, today) => {
        const category = coverageCategory({ ...f, registration: "registered" }, today);
        const latest = [...f.certificates]
          .filter((c) => c.validFrom <= today)
          .sort((a, b) => a.validFrom.localeCompare(b.validFrom))
          .at(-1);
        const inForce =
          latest !== undefined && latest.validUntil >= today && !(latest.withdrawnOn && latest.withdrawnOn <= today);
        const revoked = latest?.withdrawnOn != null && latest.withdrawnOn <= today;
        expect(category.startsWith("accredited_")).toBe(!revoked && (inForce || Boolean(f.awaitingCertificate)));
      }),
    );
  });

  it("adds the three grades into the accredited total", () => {
    const counts = {
      ...emptyCoverageCounts(),
      accredited_a: 871,
      accredited_b: 4439,
      accredited_c: 6897,
      not_accredited: 2238,
    };
    expect(accreditedTotal(counts)).toBe(12_207);
  });
});
