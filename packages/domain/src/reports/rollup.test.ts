import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LKS_TYPES } from "../registry/vocabulary.ts";
import { COVERAGE_CATEGORIES, type CoverageCounts } from "./coverage.ts";
import { rollUpCoverage, type RollUpLks, type RollUpRegion } from "./rollup.ts";

const REGIONS: RollUpRegion[] = [
  { code: "36", name: "Banten", kind: "province", provinceCode: null },
  { code: "36.71", name: "Kota Tangerang", kind: "city", provinceCode: "36" },
  { code: "36.02", name: "Kabupaten Lebak", kind: "regency", provinceCode: "36" },
  { code: "36.01", name: "Kabupaten Pandeglang", kind: "regency", provinceCode: "36" },
  { code: "11", name: "Aceh", kind: "province", provinceCode: null },
  { code: "11.01", name: "Kabupaten Aceh Selatan", kind: "regency", provinceCode: "11" },
];

const total = (c: CoverageCounts | null) => (c ? COVERAGE_CATEGORIES.reduce((n, k) => n + c[k], 0) : null);

describe("coverage roll-up", () => {
  const rollUp = rollUpCoverage({
    regions: REGIONS,
    tenants: new Map([
      ["36", "active"],
      ["36.71", "active"],
      ["36.02", "deactivated"],
    ]),
    lks: [
      { regionCode: "36.71", types: ["LKSA"], category: "accredited_b" },
      { regionCode: "36.71", types: ["LKS-LU", "LKSA"], category: "in_process" },
      // Registered by the province's Dinsos: Pandeglang's own Dinsos is not on Akrab.
      { regionCode: "36.01", types: ["LKSPD"], category: "never_applied" },
    ],
  });

  it("shows a region whose Dinsos is not on Akrab as such, not as zero", () => {
    const aceh = rollUp.provinces.find((p) => p.code === "11");
    expect(aceh).toMatchObject({
      tenant: "not_onboarded",
      counts: null,
      total: null,
      kabKotaOnAkrab: 0,
      kabKotaCount: 1,
    });
    expect(rollUp.kabKota.find((k) => k.code === "11.01")).toMatchObject({ tenant: "not_onboarded", counts: null });
  });

  it("counts LKS recorded in a kab/kota whose Dinsos is not on Akrab, and still says so", () => {
    const pandeglang = rollUp.kabKota.find((k) => k.code === "36.01");
    expect(pandeglang).toMatchObject({ tenant: "not_onboarded", total: 1 });
    expect(pandeglang?.counts?.never_applied).toBe(1);
  });

  it("shows a deactivated Dinsos's region with its real zero", () => {
    expect(rollUp.kabKota.find((k) => k.code === "36.02")).toMatchObject({ tenant: "deactivated", total: 0 });
  });

  it("adds kab/kota into the province and the country, and counts each LKS once by its main type", () => {
    const banten = rollUp.provinces.find((p) => p.code === "36");
    expect(banten).toMatchObject({ tenant: "on_akrab", total: 3, kabKotaOnAkrab: 1, kabKotaCount: 3 });
    expect(rollUp.country).toMatchObject({ total: 3, tenantsOnAkrab: 2, regions: 6 });
    expect(rollUp.types["LKS-LU"].in_process).toBe(1);
    expect(rollUp.types.LKSA.in_process).toBe(0);
  });

  it("counts an item that stands for several LKS as that many, everywhere it counts", () => {
    const one = { regionCode: "36.71", types: ["LKSA"], category: "accredited_b" } as const;
    const counted = rollUpCoverage({
      regions: REGIONS,
      tenants: new Map([["36.71", "active"]]),
      lks: [{ ...one, count: 3 }],
    });
    const itemised = rollUpCoverage({
      regions: REGIONS,
      tenants: new Map([["36.71", "active"]]),
      lks: [one, one, one],
    });
    expect(counted).toEqual(itemised);
    expect(counted.country.counts.accredited_b).toBe(3);
    expect(counted.types.LKSA.accredited_b).toBe(3);
  });

  it("keeps every level's totals equal, whatever the LKS and tenants (property)", () => {
    const kabKotaCodes = REGIONS.filter((r) => r.kind !== "province").map((r) => r.code);
    const lks: fc.Arbitrary<RollUpLks> = fc.record({
      regionCode: fc.constantFrom(...kabKotaCodes),
      types: fc.array(fc.constantFrom(...LKS_TYPES, "unknown"), { maxLength: 3 }),
      category: fc.constantFrom(...COVERAGE_CATEGORIES),
    });
    const tenants = fc.dictionary(
      fc.constantFrom(...REGIONS.map((r) => r.code)),
      fc.constantFrom("active" as const, "deactivated" as const),
    );
    fc.assert(
      fc.property(fc.array(lks, { maxLength: 60 }), tenants, (all, t) => {
        const r = rollUpCoverage({ regions: REGIONS, tenants: new Map(Object.entries(t)), lks: all });
        expect(r.country.total).toBe(all.length);
        const provincesSum = r.provinces.reduce((n, p) => n + (p.total ?? 0), 0);
        const kabKotaSum = r.kabKota.reduce((n, k) => n + (k.total ?? 0), 0);
        const typesSum = Object.values(r.types).reduce((n, c) => n + (total(c) ?? 0), 0);
        expect([provincesSum, kabKotaSum, typesSum]).toEqual([all.length, all.length, all.length]);
        for (const c of COVERAGE_CATEGORIES)
          expect(r.provinces.reduce((n, p) => n + (p.counts?.[c] ?? 0), 0)).toBe(r.country.counts[c]);
        // Null only where the Dinsos is not on Akrab and nothing is recorded.
        for (const k of r.kabKota)
          expect(k.counts === null).toBe(k.tenant === "not_onboarded" && !all.some((l) => l.regionCode === k.code));
      }),
    );
  });
});
