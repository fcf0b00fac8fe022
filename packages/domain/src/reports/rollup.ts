import type { LksType } from "../registry/vocabulary.ts";
import { LKS_TYPES } from "../registry/vocabulary.ts";
import { COVERAGE_CATEGORIES, emptyCoverageCounts, type CoverageCategory, type CoverageCounts } from "./coverage.ts";

/**
 * Coverage rolled up by country, province, kab/kota and LKS type. A region whose Dinsos has not
 * joined Akrab is not a region with no LKS: its figure is `null` with `tenant: "not_onboarded"`,
 * unless LKS are recorded there anyway (a province Dinsos registers LKS working across its
 * kab/kota), in which case the counts are shown and the status still says the kab/kota is not on Akrab.
 */

export interface RollUpRegion {
  code: string;
  name: string;
  kind: "province" | "regency" | "city";
  provinceCode: string | null;
}

/** Whether the region's Dinsos is a tenant, and an active one. */
export type TenantPresence = "on_akrab" | "deactivated" | "not_onboarded";

export interface RollUpLks {
  /** The kab/kota of the LKS's address. */
  regionCode: string;
  /** Its types, the main one first: the by-type roll-up counts each LKS once, under its main type. */
  types: readonly string[];
  category: CoverageCategory;
  /** How many LKS alike this item stands for (a count kept by the roll-up tables); 1 when absent. */
  count?: number;
}

export interface RegionFigure {
  code: string;
  name: string;
  tenant: TenantPresence;
  /** Null when nothing is known: the Dinsos is not on Akrab and no LKS of the region is recorded. */
  counts: CoverageCounts | null;
  total: number | null;
}

export interface ProvinceFigure extends RegionFigure {
  /** How many of its kab/kota have their Dinsos on Akrab, of how many. */
  kabKotaOnAkrab: number;
  kabKotaCount: number;
}

export interface CoverageRollUp {
  country: { counts: CoverageCounts; total: number; tenantsOnAkrab: number; regions: number };
  provinces: ProvinceFigure[];
  kabKota: (RegionFigure & { provinceCode: string })[];
  types: Record<LksType, CoverageCounts>;
}

const sum = (counts: CoverageCounts) => COVERAGE_CATEGORIES.reduce((n, c) => n + counts[c], 0);

function add(into: CoverageCounts, from: CoverageCounts) {
  for (const c of COVERAGE_CATEGORIES) into[c] += from[c];
}

/** The main type as the registry knows it; an unknown or missing one counts as "LKS-LAIN". */
function mainType(types: readonly string[]): LksType {
  const first = types[0];
  return (LKS_TYPES as readonly string[]).includes(first ?? "") ? (first as LksType) : "LKS-LAIN";
}

export function rollUpCoverage(input: {
  regions: readonly RollUpRegion[];
  /** Tenants by region code: active or deactivated; a region without one is not on Akrab. */
  tenants: ReadonlyMap<string, "active" | "deactivated">;
  lks: Iterable<RollUpLks>;
}): CoverageRollUp {
  const presence = (code: string): TenantPresence => {
    const status = input.tenants.get(code);
    return status === "active" ? "on_akrab" : status === "deactivated" ? "deactivated" : "not_onboarded";
  };
  const byKabKota = new Map<string, CoverageCounts>();
  const types = Object.fromEntries(LKS_TYPES.map((t) => [t, emptyCoverageCounts()])) as Record<LksType, CoverageCounts>;
  const country = emptyCoverageCounts();
  for (const l of input.lks) {
    const counts = byKabKota.get(l.regionCode) ?? emptyCoverageCounts();
    byKabKota.set(l.regionCode, counts);
    const n = l.count ?? 1;
    counts[l.category] += n;
    types[mainType(l.types)][l.category] += n;
    country[l.category] += n;
  }

  const known = (code: string, counts: CoverageCounts | undefined): Pick<RegionFigure, "counts" | "total"> =>
    counts
      ? { counts, total: sum(counts) }
      : presence(code) === "not_onboarded"
        ? { counts: null, total: null }
        : { counts: emptyCoverageCounts(), total: 0 };

  const kabKota = input.regions
    .filter((r) => r.kind !== "province" && r.provinceCode)
    .map((r) => ({
      code: r.code,
      name: r.name,
      provinceCode: r.provinceCode as string,
      tenant: presence(r.code),
      ...known(r.code, byKabKota.get(r.code)),
    }));

  const provinces = input.regions
    .filter((r) => r.kind === "province")
    .map((p): ProvinceFigure => {
      const children = kabKota.filter((k) => k.provinceCode === p.code);
      let counts: CoverageCounts | undefined;
      for (const k of children)
        if (k.counts) {
          counts ??= emptyCoverageCounts();
          add(counts, k.counts);
        }
      const onAkrab = children.filter((k) => k.tenant === "on_akrab").length;
      // A province is known when its own Dinsos or any of its kab/kota's is on Akrab, or LKS are recorded in it.
      const figure =
        counts ?? (presence(p.code) !== "not_onboarded" || onAkrab > 0 ? emptyCoverageCounts() : undefined);
      return {
        code: p.code,
        name: p.name,
        tenant: presence(p.code),
        counts: figure ?? null,
        total: figure ? sum(figure) : null,
        kabKotaOnAkrab: onAkrab,
        kabKotaCount: children.length,
      };
    });

  const tenantsOnAkrab = input.regions.filter((r) => presence(r.code) === "on_akrab").length;
  return {
    country: { counts: country, total: sum(country), tenantsOnAkrab, regions: input.regions.length },
    provinces,
    kabKota,
    types,
  };
}
