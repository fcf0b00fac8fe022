import { describe, expect, it } from "vitest";
import type { TenantAccess } from "../tenancy/access.ts";
import {
  EVIDENCE_RULE,
  canContinueUpload,
  canUploadFor,
  checkSniffedType,
  documentTypeOfMime,
} from "./upload-rules.ts";

const operator: TenantAccess = { via: "member", roles: ["lks_operator"], lksIds: ["lks-1"] };
const verifier: TenantAccess = { via: "member", roles: ["dinsos_verifier"], lksIds: [] };
const head: TenantAccess = { via: "member", roles: ["dinsos_head"], lksIds: [] };
const province: TenantAccess = { via: "province", roles: ["dinsos_verifier"] };
const national: TenantAccess = { via: "national", roles: ["balks_secretariat"] };

describe("canUploadFor", () => {
  const withLks = { lksId: "lks-1", application: { stepActor: "lks" as const, terminal: false } };
  const withDinsos = { lksId: "lks-1", application: { stepActor: "kabkota" as const, terminal: false } };

  it("lets the LKS's own operators upload while the application is with the LKS", () => {
    expect(canUploadFor(operator, withLks)).toBe(true);
    expect(canUploadFor(operator, withDinsos)).toBe(false);
    expect(canUploadFor(operator, { ...withLks, lksId: "lks-2" })).toBe(false);
  });

  it("lets the tenant's verifiers upload while the application is open, never after it ends", () => {
    expect(canUploadFor(verifier, withDinsos)).toBe(true);
    expect(canUploadFor(verifier, withLks)).toBe(true);
    expect(canUploadFor(verifier, { lksId: "lks-1", application: { stepActor: "national", terminal: true } })).toBe(
      false,
    );
  });

  it("never lets heads, province or national readers upload", () => {
    for (const access of [head, province, national]) expect(canUploadFor(access, withDinsos)).toBe(false);
  });
});

describe("checkSniffedType", () => {
  it("accepts bytes that are what was declared and what the rule takes", () => {
    expect(checkSniffedType("application/pdf", "application/pdf", EVIDENCE_RULE)).toBe("ok");
    expect(checkSniffedType("image/jpeg", "image/jpg", EVIDENCE_RULE)).toBe("ok");
  });

  it("refuses a declared type the rule does not take, and bytes of another type", () => {
    expect(
      checkSniffedType(
        "docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        EVIDENCE_RULE,
      ),
    ).toBe("not_accepted");
    expect(checkSniffedType("image/png", "application/pdf", EVIDENCE_RULE)).toBe("mismatch");
    expect(checkSniffedType(null, "application/pdf", EVIDENCE_RULE)).toBe("mismatch");
  });

  it("maps MIME types to checklist type names", () => {
    expect(documentTypeOfMime("IMAGE/HEIF")).toBe("heic");
    expect(documentTypeOfMime("text/plain")).toBeNull();
  });
});

describe("canContinueUpload", () => {
  const upload = { createdBy: "user-1", lksId: "lks-1", applicationId: "app-1" };
  it("lets the person who started it and the tenant's verifiers go on", () => {
    expect(canContinueUpload(operator, upload, "user-1")).toBe(true);
    expect(canContinueUpload(verifier, upload, "user-9")).toBe(true);
  });
  it("refuses another operator, heads and readers", () => {
    expect(canContinueUpload(operator, upload, "user-2")).toBe(false);
    expect(canContinueUpload({ via: "member", roles: ["lks_operator"], lksIds: ["lks-2"] }, upload, "user-1")).toBe(
      false,
    );
    for (const access of [head, province, national]) expect(canContinueUpload(access, upload, "user-1")).toBe(false);
  });
  it("lets an asesor go on only with their own upload to an application they are assigned to", () => {
    const asesor: TenantAccess = { via: "assignment", roles: ["asesor"], applicationIds: ["app-1"] };
    expect(canContinueUpload(asesor, upload, "user-1")).toBe(true);
    expect(canContinueUpload(asesor, upload, "user-2")).toBe(false);
    expect(canContinueUpload(asesor, { ...upload, applicationId: "app-2" }, "user-1")).toBe(false);
    expect(canContinueUpload(asesor, { ...upload, applicationId: null }, "user-1")).toBe(false);
  });
});
