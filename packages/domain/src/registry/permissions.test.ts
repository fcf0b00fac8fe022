import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "../identity/roles.ts";
import { canDecideLks, canEditLks, canOpenApplication, type TenantAccess } from "../tenancy/access.ts";
import { nextLksStatus } from "./lks-status.ts";
import {
  centralUnitPermissions,
  lksPermissions,
  lksRefusal,
  registryPermissions,
  type LksFacts,
} from "./permissions.ts";
import { LKS_STATUSES, OWNERSHIPS } from "./vocabulary.ts";

const member = (roles: Role[], lksIds: string[] = []): TenantAccess => ({ via: "member", roles, lksIds });
const DINSOS = member(["dinsos_verifier", "dinsos_head", "tenant_admin"]);
const lks = (facts: Partial<LksFacts> = {}): LksFacts => ({
  id: "l1",
  ownership: "community",
  status: "registered",
  inOwnTenant: true,
  ...facts,
});

describe("lksPermissions", () => {
  it("lets an operator edit and resubmit its own LKS, never decide it", () => {
    const operator = member(["lks_operator"], ["l1"]);
    expect(lksPermissions(operator, lks({ status: "returned" }))).toEqual({
      mayEdit: true,
      mayDecide: false,
      mayResubmit: true,
      mayOpenApplication: false,
    });
    expect(lksPermissions(operator, lks()).mayOpenApplication).toBe(true);
    expect(lksPermissions(operator, lks({ id: "l2" })).mayEdit).toBe(false);
  });

  it("lets the Dinsos decide a pending registration, and only a pending one", () => {
    expect(lksPermissions(DINSOS, lks({ status: "pending_verification" })).mayDecide).toBe(true);
    expect(lksRefusal(DINSOS, lks({ status: "registered" }), "decide")).toBe("status");
    expect(lksRefusal(member(["tenant_admin"]), lks({ status: "pending_verification" }), "decide")).toBe(
      "not_permitted",
    );
  });

  it("lets the Dinsos open applications for its government units only", () => {
    expect(lksPermissions(DINSOS, lks({ ownership: "regency_government" })).mayOpenApplication).toBe(true);
    expect(lksPermissions(DINSOS, lks({ ownership: "central_government" })).mayOpenApplication).toBe(true);
    expect(lksPermissions(DINSOS, lks()).mayOpenApplication).toBe(false);
  });

  it("keeps a Kemensos unit read-only for the tenant holding it", () => {
    expect(lksRefusal(DINSOS, lks({ ownership: "central_government" }), "edit")).toBe("kemensos_unit");
    expect(lksRefusal(member(["dinsos_head"]), lks({ ownership: "central_government" }), "edit")).toBe("not_permitted");
  });

  it("allows nothing through a province or nationally, nor on an LKS of a kab/kota", () => {
    const none = { mayEdit: false, mayDecide: false, mayResubmit: false, mayOpenApplication: false };
    const pending = lks({ status: "pending_verification", ownership: "regency_government" });
    expect(lksPermissions({ via: "province", roles: ["tenant_admin", "dinsos_verifier"] }, pending)).toEqual(none);
    expect(lksPermissions({ via: "national", roles: ["balks_secretariat"] }, pending)).toEqual(none);
    expect(lksPermissions(DINSOS, { ...pending, inOwnTenant: false })).toEqual(none);
  });

  it("keeps an inactive LKS as it was", () => {
    expect(lksRefusal(DINSOS, lks({ status: "inactive" }), "edit")).toBe("status");
  });

  it("agrees with the individual access and status rules (property)", () => {
    const access = fc.oneof(
      fc.record({
        via: fc.constant("member" as const),
        roles: fc.uniqueArray(fc.constantFrom(...ROLES), { minLength: 1 }),
        lksIds: fc.uniqueArray(fc.constantFrom("l1", "l2")),
      }),
      fc.record({
        via: fc.constantFrom("province" as const, "national" as const),
        roles: fc.uniqueArray(fc.constantFrom(...ROLES), { minLength: 1 }),
      }),
    );
    const facts = fc.record({
      id: fc.constantFrom("l1", "l2"),
      ownership: fc.constantFrom(...OWNERSHIPS),
      status: fc.constantFrom(...LKS_STATUSES),
      inOwnTenant: fc.boolean(),
    });
    fc.assert(
      fc.property(access, facts, (a: TenantAccess, l) => {
        const p = lksPermissions(a, l);
        const own = l.inOwnTenant;
        expect(p.mayEdit).toBe(
          own && canEditLks(a, l.id) && l.ownership !== "central_government" && l.status !== "inactive",
        );
        expect(p.mayDecide).toBe(
          own &&
            canDecideLks(a) &&
            nextLksStatus(l.status, "verify") !== null &&
            nextLksStatus(l.status, "return") !== null,
        );
        expect(p.mayResubmit).toBe(own && canEditLks(a, l.id) && nextLksStatus(l.status, "resubmit") !== null);
        expect(p.mayOpenApplication).toBe(
          own && canOpenApplication(a, l.id, l.ownership !== "community") && l.status === "registered",
        );
        // Anything allowed is allowed only to someone acting in the tenant itself.
        if (Object.values(p).some(Boolean)) expect(a.via).toBe("member");
      }),
    );
  });
});

describe("centralUnitPermissions", () => {
  it("lets the BALKS secretariat edit a Kemensos unit, and nothing else", () => {
    const grants = [{ role: "balks_secretariat" as const, tenantId: null, lksId: null }];
    expect(centralUnitPermissions(grants, "registered")).toEqual({
      mayEdit: true,
      mayDecide: false,
      mayResubmit: false,
      mayOpenApplication: false,
    });
    expect(centralUnitPermissions(grants, "inactive").mayEdit).toBe(false);
    expect(
      centralUnitPermissions([{ role: "national_viewer", tenantId: null, lksId: null }], "registered").mayEdit,
    ).toBe(false);
  });
});

describe("registryPermissions", () => {
  it("lets the tenant's verifiers and admins register LKS, and no one reading from outside", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom(...ROLES), { minLength: 1 }), (roles) => {
        expect(registryPermissions(member(roles)).mayRegisterLks).toBe(
          roles.includes("dinsos_verifier") || roles.includes("tenant_admin"),
        );
        expect(registryPermissions({ via: "province", roles }).mayRegisterLks).toBe(false);
        expect(registryPermissions({ via: "national", roles }).mayRegisterLks).toBe(false);
      }),
    );
  });
});
