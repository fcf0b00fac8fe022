import { describe, expect, it } from "vitest";
import { ROLES, roleLabel, roleList, rolesOnAccepting } from "./roles.ts";

describe("role labels", () => {
  it("names every role in both languages, never by its code", () => {
    for (const role of ROLES) {
      expect(roleLabel(role, "id")).not.toContain("_");
      expect(roleLabel(role, "en")).not.toContain("_");
    }
    expect(roleLabel("tenant_admin", "en")).toBe("Dinsos administrator");
  });

  it("joins several roles into a phrase", () => {
    expect(roleList(["tenant_admin"])).toBe("Admin Dinsos");
    expect(roleList(["dinsos_verifier", "dinsos_head"])).toBe("Verifikator Dinsos atau Kepala Dinsos");
    expect(roleList(["tenant_admin", "dinsos_verifier", "dinsos_head"], "en")).toBe(
      "Dinsos administrator, Dinsos verifier or Head of Dinsos",
    );
  });
});

describe("rolesOnAccepting", () => {
  it("gives the first admin of a new Dinsos the verifier and head roles too", () => {
    expect(rolesOnAccepting("tenant_admin", [])).toEqual(["tenant_admin", "dinsos_verifier", "dinsos_head"]);
    // LKS operators adopted from the province do not make the admin any less the first officer.
    expect(rolesOnAccepting("tenant_admin", ["lks_operator"])).toHaveLength(3);
  });

  it("grants only the invited role once the Dinsos has staff", () => {
    expect(rolesOnAccepting("tenant_admin", ["tenant_admin"])).toEqual(["tenant_admin"]);
    expect(rolesOnAccepting("tenant_admin", ["dinsos_verifier"])).toEqual(["tenant_admin"]);
    expect(rolesOnAccepting("dinsos_verifier", [])).toEqual(["dinsos_verifier"]);
    expect(rolesOnAccepting("lks_operator", [])).toEqual(["lks_operator"]);
  });
});
