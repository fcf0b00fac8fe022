import { describe, expect, it } from "vitest";
import { actingTenantId, rolesForStep } from "./actors.ts";

const kota = { tenantId: "kota", tenantLevel: "kabkota" as const, parentTenantId: "prov", lksId: "l1" };

describe("rolesForStep", () => {
  const grants = [
    { role: "lks_operator" as const, tenantId: "kota", lksId: "l1" },
    { role: "lks_operator" as const, tenantId: "kota", lksId: "l2" },
    { role: "dinsos_verifier" as const, tenantId: "kota", lksId: null },
    { role: "dinsos_head" as const, tenantId: "prov", lksId: null },
    { role: "balks_secretariat" as const, tenantId: null, lksId: null },
    { role: "dinsos_head" as const, tenantId: "other", lksId: null },
  ];

  it("counts only the roles held where the step's actor sits", () => {
    expect(rolesForStep("lks", grants, kota)).toEqual(["lks_operator"]);
    expect(rolesForStep("lks", grants, { ...kota, lksId: "l3" })).toEqual([]);
    expect(rolesForStep("kabkota", grants, kota)).toEqual(["dinsos_verifier"]);
    expect(rolesForStep("province", grants, kota)).toEqual(["dinsos_head"]);
    expect(rolesForStep("national", grants, kota)).toEqual(["balks_secretariat"]);
  });

  it("lets a province tenant do both Dinsos steps for the LKS registered with it", () => {
    const place = { tenantId: "prov", tenantLevel: "province" as const, parentTenantId: null, lksId: "l9" };
    expect(rolesForStep("province", grants, place)).toEqual(["dinsos_head"]);
    expect(rolesForStep("kabkota", grants, place)).toEqual(["dinsos_head"]);
  });

  it("finds no province actor when the province has no tenant", () => {
    expect(rolesForStep("province", grants, { ...kota, parentTenantId: null })).toEqual([]);
  });
});

describe("actingTenantId", () => {
  it("is the application's tenant for the LKS and kab/kota steps, its province for the province step", () => {
    expect(actingTenantId("lks", kota)).toBe("kota");
    expect(actingTenantId("kabkota", kota)).toBe("kota");
    expect(actingTenantId("province", kota)).toBe("prov");
    expect(actingTenantId("national", kota)).toBeNull();
  });

  it("is the province itself for an LKS registered with it, and nobody for a province not on Akrab", () => {
    const atProvince = { tenantId: "prov", tenantLevel: "province" as const, parentTenantId: null };
    expect(actingTenantId("kabkota", atProvince)).toBe("prov");
    expect(actingTenantId("province", atProvince)).toBe("prov");
    expect(actingTenantId("province", { ...kota, parentTenantId: null })).toBeNull();
  });
});
