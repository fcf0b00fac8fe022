import { describe, expect, test } from "vitest";
import { workPlan, type WorkGrant } from "./work.ts";

const grant = (
  membershipId: string,
  role: WorkGrant["role"],
  tenantId: string | null,
  lksId: string | null = null,
): WorkGrant => ({
  membershipId,
  role,
  tenantId,
  lksId,
});

describe("workPlan", () => {
  test("an admin, verifier and head of a province who verifies in a kab/kota too: both tenants, every kind, no switching", () => {
    const plan = workPlan([
      grant("m1", "tenant_admin", "prov"),
      grant("m2", "dinsos_verifier", "prov"),
      grant("m3", "dinsos_head", "prov"),
      grant("m4", "dinsos_verifier", "kab"),
    ]);
    expect(plan).toEqual([
      {
        tenantId: "prov",
        roles: ["tenant_admin", "dinsos_verifier", "dinsos_head"],
        kinds: [
          { kind: "applications", membershipId: "m2" },
          { kind: "lks_to_verify", membershipId: "m2" },
        ],
      },
      {
        tenantId: "kab",
        roles: ["dinsos_verifier"],
        kinds: [
          { kind: "applications", membershipId: "m4" },
          { kind: "lks_to_verify", membershipId: "m4" },
        ],
      },
    ]);
  });

  test("an LKS operator waits on its applications and its returned registration", () => {
    expect(workPlan([grant("m1", "lks_operator", "kota", "lks-1")])[0]!.kinds.map((k) => k.kind)).toEqual([
      "applications",
      "lks_returned",
    ]);
  });

  test("national roles form one group; BALKS roles have the national inbox, a viewer and the platform admin none", () => {
    const plan = workPlan([
      grant("a", "national_viewer", null),
      grant("b", "balks_decider", null),
      grant("c", "balks_secretariat", null),
    ]);
    expect(plan).toEqual([
      {
        tenantId: null,
        roles: ["national_viewer", "balks_decider", "balks_secretariat"],
        kinds: [{ kind: "national_applications", membershipId: "b" }],
      },
    ]);
    expect(workPlan([grant("v", "national_viewer", null)])[0]!.kinds).toEqual([]);
    expect(workPlan([grant("p", "platform_admin", null)])[0]!.kinds).toEqual([]);
  });

  test("a tenant admin alone has nothing waiting but keeps its group", () => {
    expect(workPlan([grant("m", "tenant_admin", "kota")])).toEqual([
      { tenantId: "kota", roles: ["tenant_admin"], kinds: [] },
    ]);
  });
});
