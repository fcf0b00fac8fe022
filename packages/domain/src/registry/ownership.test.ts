import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_CHECKLISTS_BY_OWNERSHIP,
  COMMUNITY_ONLY_REQUIREMENTS,
  GOVERNMENT_ONLY_REQUIREMENTS,
  requirementMisfit,
} from "../applications/checklist.ts";
import {
  KINDS_BY_OWNERSHIP,
  ownershipFieldRules,
  ownershipFitsTenant,
  ownershipProfileErrors,
  profileDocumentFields,
  registrarOf,
  type OwnershipProfile,
} from "./profile-rules.ts";
import { INSTITUTION_KINDS, LEGAL_FORMS, OWNERSHIPS, ownershipGroup } from "./vocabulary.ts";

const TODAY = "2026-05-01";
const DECREE = { number: "Pergub 57/2022", date: "2022-03-01", issuer: "Gubernur DKI Jakarta" };
const REF = { number: "1", date: "2018-01-01" };

const provincialPanti: OwnershipProfile = {
  ownership: "provincial_government",
  institutionKind: "panti_pemerintah",
  owningAgency: "Dinas Sosial Provinsi DKI Jakarta",
  decree: DECREE,
};
const yayasan: OwnershipProfile = {
  ownership: "community",
  institutionKind: "lks",
  legalForm: "yayasan",
  deed: REF,
  kemenkumham: REF,
  npwp: "012345678901222",
};

describe("profile rules per ownership", () => {
  it("accepts a provincial panti on its decree, without deed, Kemenkumham approval or NPWP", () => {
    expect(ownershipProfileErrors(provincialPanti, TODAY)).toEqual([]);
  });

  it("refuses the community legal documents for a government unit, naming each field", () => {
    const errors = ownershipProfileErrors(
      { ...provincialPanti, legalForm: "yayasan", deed: REF, kemenkumham: REF },
      TODAY,
    );
    expect(errors.map((e) => e.path)).toEqual(["legalForm", "deed", "kemenkumham"]);
    expect(errors[1]!.message).toMatch(/^Akta notaris hanya untuk LKS masyarakat.* \/ A notarial deed/);
  });

  it("refuses a government decree and owning agency for a yayasan", () => {
    const errors = ownershipProfileErrors({ ...yayasan, decree: DECREE, owningAgency: "Dinsos" }, TODAY);
    expect(errors.map((e) => e.path)).toEqual(["owningAgency", "decree"]);
    expect(errors[1]!.message).toContain("bukan yayasan");
  });

  it("asks a government unit for its agency and decree, and a community LKS for its NPWP", () => {
    expect(
      ownershipProfileErrors({ ownership: "regency_government", institutionKind: "uils" }, TODAY).map((e) => e.path),
    ).toEqual(["owningAgency", "decree"]);
    expect(ownershipProfileErrors({ ...yayasan, npwp: undefined }, TODAY).map((e) => e.path)).toEqual(["npwp"]);
  });

  it("keeps the kind of institution to its ownership and the decree in the past", () => {
    expect(ownershipProfileErrors({ ...provincialPanti, institutionKind: "lks" }, TODAY).map((e) => e.path)).toEqual([
      "institutionKind",
    ]);
    expect(ownershipProfileErrors({ ...yayasan, institutionKind: "lbk" }, TODAY).map((e) => e.path)).toEqual([
      "institutionKind",
    ]);
    expect(
      ownershipProfileErrors({ ...provincialPanti, decree: { ...DECREE, date: "2027-01-01" } }, TODAY).map(
        (e) => e.path,
      ),
    ).toEqual(["decree.date"]);
  });

  it("never both requires and forbids a field, and every message is Indonesian / English", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...OWNERSHIPS),
        fc.option(fc.constantFrom(...LEGAL_FORMS), { nil: undefined }),
        (ownership, legalForm) => {
          const { required, forbidden } = ownershipFieldRules(ownership, legalForm);
          expect(required.filter((f) => forbidden.includes(f))).toEqual([]);
          // Government units never need what only a community organisation can have, and vice versa.
          if (ownership === "community") expect(required).not.toContain("decree");
          else expect(required).not.toContain("legalForm");
        },
      ),
    );
  });

  it("for any profile, an error exists exactly when a required field is missing, a forbidden one present or the kind misfits", () => {
    const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
    const profile = fc.record({
      ownership: fc.constantFrom(...OWNERSHIPS),
      institutionKind: fc.constantFrom(...INSTITUTION_KINDS),
      legalForm: maybe(fc.constantFrom(...LEGAL_FORMS)),
      owningAgency: maybe(fc.constant("Dinas Sosial")),
      decree: maybe(fc.constant(DECREE)),
      deed: maybe(fc.constant(REF)),
      kemenkumham: maybe(fc.constant(REF)),
      legalisation: maybe(fc.constant(REF)),
      npwp: maybe(fc.constant("012345678901222")),
    });
    fc.assert(
      fc.property(profile, (p) => {
        const { required, forbidden } = ownershipFieldRules(p.ownership, p.legalForm);
        const fits =
          required.every((f) => p[f] !== undefined) &&
          forbidden.every((f) => p[f] === undefined) &&
          KINDS_BY_OWNERSHIP[p.ownership].includes(p.institutionKind);
        const errors = ownershipProfileErrors(p, TODAY);
        expect(errors.length === 0).toBe(fits);
        for (const e of errors) expect(e.message.split(" / ")).toHaveLength(2);
      }),
    );
  });
});

describe("who registers a unit", () => {
  it("lets community LKS register themselves, a Dinsos its own level's units, and BALKS Kemensos units", () => {
    expect(registrarOf("community")).toBe("self_or_dinsos");
    expect(registrarOf("provincial_government")).toBe("dinsos");
    expect(registrarOf("regency_government")).toBe("dinsos");
    expect(registrarOf("central_government")).toBe("balks");
    expect(ownershipFitsTenant("provincial_government", "province")).toBe(true);
    expect(ownershipFitsTenant("provincial_government", "kabkota")).toBe(false);
    expect(ownershipFitsTenant("regency_government", "kabkota")).toBe(true);
    expect(ownershipFitsTenant("regency_government", "province")).toBe(false);
    expect(ownershipFitsTenant("central_government", "province")).toBe(false);
  });
});

describe("checklists per ownership", () => {
  it("replaces the community-only documents of the government default with the establishing decree", () => {
    for (const kind of ["first", "renewal"] as const) {
      const keys = DEFAULT_CHECKLISTS_BY_OWNERSHIP.government[kind].map((r) => r.key);
      for (const key of COMMUNITY_ONLY_REQUIREMENTS) expect(keys).not.toContain(key);
      expect(keys).toContain("sk_pendirian_unit");
      expect(keys).toContain("formulir_a");
      const community = DEFAULT_CHECKLISTS_BY_OWNERSHIP.community[kind].map((r) => r.key);
      for (const key of GOVERNMENT_ONLY_REQUIREMENTS) expect(community).not.toContain(key);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });

  it("refuses a community-only requirement for government units and a government decree for community LKS", () => {
    expect(requirementMisfit("government", "akta_pendirian")).toMatch(/hanya untuk LKS masyarakat/);
    expect(requirementMisfit("community", "sk_pendirian_unit")).toMatch(/bukan yayasan/);
    expect(requirementMisfit("government", "formulir_a")).toBeNull();
    expect(requirementMisfit("community", "npwp")).toBeNull();
    fc.assert(
      fc.property(fc.constantFrom(...OWNERSHIPS), (ownership) => {
        const group = ownershipGroup(ownership);
        for (const r of DEFAULT_CHECKLISTS_BY_OWNERSHIP[group].first)
          expect(requirementMisfit(group, r.key)).toBeNull();
      }),
    );
  });

  it("keeps the decree as a government unit's profile document and the legal documents of its form for a community LKS", () => {
    expect(profileDocumentFields("provincial_government", undefined)).toEqual(["decree"]);
    expect(profileDocumentFields("central_government", undefined)).toEqual(["decree"]);
    expect(profileDocumentFields("community", "yayasan")).toEqual(["deed", "kemenkumham", "npwpCard"]);
    expect(profileDocumentFields("community", "non_badan_hukum")).toEqual(["legalisation", "npwpCard"]);
    fc.assert(
      fc.property(fc.constantFrom(...OWNERSHIPS), fc.constantFrom(...LEGAL_FORMS), (ownership, form) => {
        const fields = profileDocumentFields(ownership, ownership === "community" ? form : undefined);
        // Every document field is a field the profile rules require of that ownership (the NPWP's card aside).
        const { required } = ownershipFieldRules(ownership, ownership === "community" ? form : undefined);
        for (const field of fields) if (field !== "npwpCard") expect(required).toContain(field);
      }),
    );
  });
});
