import { describe, expect, it } from "vitest";
import { nextLksStatus, statusAfterEdit } from "./lks-status.ts";
import { changedFields, dueReminderThreshold, touchesLegalFields } from "./profile-rules.ts";
import { areaCodeParent, maskIdNumber, normaliseNpwp, normalisePhone } from "./identifiers.ts";

describe("LKS registration status", () => {
  it("verifies or returns only what is waiting for verification", () => {
    expect(nextLksStatus("pending_verification", "verify")).toBe("registered");
    expect(nextLksStatus("pending_verification", "return")).toBe("returned");
    expect(nextLksStatus("registered", "verify")).toBeNull();
    expect(nextLksStatus("returned", "verify")).toBeNull();
    expect(nextLksStatus("returned", "resubmit")).toBe("pending_verification");
    expect(nextLksStatus("registered", "resubmit")).toBeNull();
  });

  it("sends a registered LKS back to verification when its legal identity changes or it moves", () => {
    expect(statusAfterEdit("registered", true, false)).toBe("pending_verification");
    expect(statusAfterEdit("registered", false, false)).toBe("registered");
    expect(statusAfterEdit("returned", false, true)).toBe("pending_verification");
    expect(statusAfterEdit("returned", true, false)).toBe("returned");
  });

  it("knows which fields are legal ones", () => {
    expect(touchesLegalFields(["phone", "capacity"])).toBe(false);
    expect(touchesLegalFields(["phone", "npwp"])).toBe(true);
    expect(touchesLegalFields(["board"])).toBe(true);
  });

  it("lists changed top-level fields structurally", () => {
    expect(changedFields({ a: 1, b: { x: [1, 2] }, c: "s" }, { a: 1, b: { x: [1, 3] }, c: "s", d: true })).toEqual([
      "b",
      "d",
    ]);
  });
});

describe("expiry reminders", () => {
  it("picks the tightest threshold crossed", () => {
    expect(dueReminderThreshold("2027-01-31", "2026-11-22")).toBe(90);
    expect(dueReminderThreshold("2026-12-20", "2026-11-22")).toBe(30);
    expect(dueReminderThreshold("2026-11-29", "2026-11-22")).toBe(7);
    expect(dueReminderThreshold("2026-11-22", "2026-11-22")).toBe(7);
    expect(dueReminderThreshold("2027-06-01", "2026-11-22")).toBeNull();
    expect(dueReminderThreshold("2026-11-01", "2026-11-22")).toBeNull();
  });
});

describe("Indonesian identifiers", () => {
  it("accepts NPWP with 15 or 16 digits in any punctuation", () => {
    expect(normaliseNpwp("01.234.567.8-901.000")).toBe("012345678901000");
    expect(normaliseNpwp("3671014101700001")).toBe("3671014101700001");
    expect(normaliseNpwp("12345")).toBeNull();
    expect(normaliseNpwp("01.234.567.8-901.00A")).toBeNull();
  });

  it("normalises phone numbers to +62", () => {
    expect(normalisePhone("0812-3456-7890")).toBe("+6281234567890");
    expect(normalisePhone("+62 21 5512 34")).toBe("+6221551234");
    expect(normalisePhone("12345")).toBeNull();
  });

  it("masks ID numbers and walks area codes", () => {
    expect(maskIdNumber("3671014101700001")).toBe("3671********0001");
    expect(areaCodeParent("36.71.01.1001")).toBe("36.71.01");
    expect(areaCodeParent("36")).toBeNull();
  });
});
