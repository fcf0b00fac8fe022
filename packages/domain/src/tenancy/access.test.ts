import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ROLES, isNationalRole, type Role } from "../identity/roles.ts";
import {
  canActAs,
  canOpenApplication,
  holdsNationalRole,
  assignmentAccess,
  resolveTenantAccess,
  visibleLksIds,
  type MembershipGrant,
} from "./access.ts";

const KOTA = { id: "kota", parentId: "prov" };
const PROV = { id: "prov", parentId: null };
const OTHER = { id: "other", parentId: "prov2" };

describe("resolveTenantAccess", () => {
  it("gives members of the tenant their roles there", () => {
    const access = resolveTenantAccess(
      [
        { role: "dinsos_verifier", tenantId: "kota", lksId: null },
        { role: "tenant_admin", tenantId: "kota", lksId: null },
        { role: "dinsos_verifier", tenantId: "other", lksId: null },
      ],
      KOTA,
    );
    expect(access).toEqual({ via: "member", roles: ["dinsos_verifier", "tenant_admin"], lksIds: [] });
  });

  it("lets a province's staff read its kab/kota, but not act there", () => {
    const access = resolveTenantAccess([{ role: "tenant_admin", tenantId: "prov", lksId: null }], KOTA)!;
    expect(access.via).toBe("province");
    expect(canActAs(access, ["tenant_admin"])).toBe(false);
  });

  it("does not extend an LKS operator's province membership to the kab/kota", () => {
    expect(resolveTenantAccess([{ role: "lks_operator", tenantId: "prov", lksId: "l1" }], KOTA)).toBeNull();
  });

  it("lets national readers read every tenant, but not an asesor", () => {
    expect(resolveTenantAccess([{ role: "national_viewer", tenantId: null, lksId: null }], OTHER)?.via).toBe(
      "national",
    );
    expect(resolveTenantAccess([{ role: "asesor", tenantId: null, lksId: null }], OTHER)).toBeNull();
  });

  it("lets an asesor reach a tenant only through the applications on their team, never to act as staff", () => {
    const asesor = [{ role: "asesor" as const, tenantId: null, lksId: null }];
    const access = assignmentAccess(asesor, ["a1", "a2", "a1"]);
    expect(access).toEqual({ via: "assignment", roles: ["asesor"], applicationIds: ["a1", "a2"] });
    expect(canActAs(access!, ["asesor", "dinsos_verifier"])).toBe(false);
    expect(assignmentAccess(asesor, [])).toBeNull();
    // Another role with assignments recorded against it (never happens; still nothing).
    expect(assignmentAccess([{ role: "national_viewer", tenantId: null, lksId: null }], ["a1"])).toBeNull();
    expect(assignmentAccess([{ role: "asesor", tenantId: "kota", lksId: null }], ["a1"])).toBeNull();
  });

  it("hides a tenant from everyone else", () => {
    expect(resolveTenantAccess([{ role: "tenant_admin", tenantId: "kota", lksId: null }], PROV)).toBeNull();
    expect(resolveTenantAccess([], KOTA)).toBeNull();
  });

  it("never lets anyone act in a tenant without a role held in that tenant (property)", () => {
    const tenantIds = ["kota", "prov", "other", "prov2", null];
    const grant = fc.record({
      role: fc.constantFrom(...ROLES),
      tenantId: fc.constantFrom(...tenantIds),
      lksId: fc.option(fc.constantFrom("l1", "l2"), { nil: null }),
    });
    fc.assert(
      fc.property(
        fc.array(grant, { maxLength: 6 }),
        fc.constantFrom(KOTA, PROV, OTHER),
        fc.subarray([...ROLES] as Role[], { minLength: 1 }),
        (grants: MembershipGrant[], tenant, wanted) => {
          const access = resolveTenantAccess(grants, tenant);
          const holdsHere = grants.some((g) => g.tenantId === tenant.id && wanted.includes(g.role));
          expect(access !== null && canActAs(access, wanted)).toBe(holdsHere);
          // Whoever holds no grant in the tenant, its province or nationally sees nothing.
          const related = grants.some(
            (g) =>
              g.tenantId === tenant.id ||
              (g.tenantId !== null && g.tenantId === tenant.parentId) ||
              (g.tenantId === null && isNationalRole(g.role)),
          );
          if (!related) expect(access).toBeNull();
        },
      ),
    );
  });
});

describe("visibleLksIds", () => {
  it("limits a pure LKS operator to its own LKS", () => {
    const access = resolveTenantAccess([{ role: "lks_operator", tenantId: "kota", lksId: "l1" }], KOTA)!;
    expect(visibleLksIds(access)).toEqual(["l1"]);
  });

  it("shows everything to Dinsos staff, even if they also operate an LKS", () => {
    const access = resolveTenantAccess(
      [
        { role: "lks_operator", tenantId: "kota", lksId: "l1" },
        { role: "dinsos_verifier", tenantId: "kota", lksId: null },
      ],
      KOTA,
    )!;
    expect(visibleLksIds(access)).toBeUndefined();
  });
});

describe("holdsNationalRole", () => {
  it("counts only memberships without a tenant", () => {
    expect(holdsNationalRole([{ role: "platform_admin", tenantId: null, lksId: null }], ["platform_admin"])).toBe(true);
    expect(holdsNationalRole([{ role: "tenant_admin", tenantId: "kota", lksId: null }], ["tenant_admin"])).toBe(false);
  });
});

describe("who opens an application", () => {
  it("lets the LKS's operators open one, and the Dinsos staff only for a government unit", () => {
    const operator = { via: "member" as const, roles: ["lks_operator" as const], lksIds: ["l1"] };
    const dinsos = { via: "member" as const, roles: ["dinsos_verifier" as const], lksIds: [] };
    const province = { via: "province" as const, roles: ["dinsos_verifier" as const] };
    expect(canOpenApplication(operator, "l1", false)).toBe(true);
    expect(canOpenApplication(operator, "l2", true)).toBe(false);
    expect(canOpenApplication(dinsos, "l1", false)).toBe(false);
    expect(canOpenApplication(dinsos, "l1", true)).toBe(true);
    expect(canOpenApplication(province, "l1", true)).toBe(false);
  });
});
