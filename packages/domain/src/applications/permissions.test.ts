import { describe, expect, it } from "vitest";
import type { TenantAccess } from "../tenancy/access.ts";
import { applicationPermissions, type PermissionInput } from "./permissions.ts";

const operator: TenantAccess = { via: "member", roles: ["lks_operator"], lksIds: ["l1"] };
const verifier: TenantAccess = { via: "member", roles: ["dinsos_verifier"], lksIds: [] };
const head: TenantAccess = { via: "member", roles: ["dinsos_head"], lksIds: [] };
const province: TenantAccess = { via: "province", roles: ["dinsos_verifier", "dinsos_head"] };
const national: TenantAccess = { via: "national", roles: ["balks_secretariat"] };

const atLks = { actor: "lks" as const, terminal: false };
const atKabkota = { actor: "kabkota" as const, terminal: false };
const base = (access: TenantAccess, extra: Partial<PermissionInput> = {}): PermissionInput => ({
  access,
  throughOwnTenant: true,
  lksId: "l1",
  step: atLks,
  stepRoles: [],
  actionCount: 0,
  ...extra,
});

describe("applicationPermissions", () => {
  it("lets the LKS's operator upload, edit the letter and act while the application is with the LKS", () => {
    expect(applicationPermissions(base(operator, { stepRoles: ["lks_operator"], actionCount: 1 }))).toEqual({
      mayUpload: true,
      mayEditLetter: true,
      mayReviewDocuments: false,
      mayTakeAction: true,
    });
  });

  it("gives another LKS's operator and the operator at a Dinsos step nothing", () => {
    const none = { mayUpload: false, mayEditLetter: false, mayReviewDocuments: false, mayTakeAction: false };
    expect(applicationPermissions(base(operator, { lksId: "l2" }))).toEqual(none);
    expect(applicationPermissions(base(operator, { step: atKabkota }))).toEqual(none);
  });

  it("lets the verifier review and act at the Dinsos step, and upload while the application is open", () => {
    expect(
      applicationPermissions(base(verifier, { step: atKabkota, stepRoles: ["dinsos_verifier"], actionCount: 2 })),
    ).toEqual({
      mayUpload: true,
      mayEditLetter: false,
      mayReviewDocuments: true,
      mayTakeAction: true,
    });
    // At the LKS step the verifier may still add a file for the LKS, but not review or act.
    expect(applicationPermissions(base(verifier))).toEqual({
      mayUpload: true,
      mayEditLetter: false,
      mayReviewDocuments: false,
      mayTakeAction: false,
    });
    // A head acts at the step but never uploads.
    expect(
      applicationPermissions(base(head, { step: atKabkota, stepRoles: ["dinsos_head"], actionCount: 1 })).mayUpload,
    ).toBe(false);
  });

  it("lets readers through a province or nationally do nothing, nor anyone once the application is closed", () => {
    const none = { mayUpload: false, mayEditLetter: false, mayReviewDocuments: false, mayTakeAction: false };
    expect(applicationPermissions(base(province, { throughOwnTenant: false, step: atKabkota }))).toEqual(none);
    expect(applicationPermissions(base(national, { throughOwnTenant: false, step: atKabkota }))).toEqual(none);
    const closed = { actor: "national" as const, terminal: true };
    expect(
      applicationPermissions(base(verifier, { step: closed, stepRoles: ["dinsos_verifier"], actionCount: 1 })),
    ).toEqual(none);
  });
});
