import { describe, expect, it } from "vitest";
import { rolesForStep } from "./actors.ts";

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
