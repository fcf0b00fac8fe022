import { describe, expect, it } from "vitest";
import { passwordProblems } from "./password-policy.ts";

describe("password policy", () => {
  it("accepts a long, uncommon password", () => {
    expect(passwordProblems("kopi-tubruk-pagi-hari", "budi@akrab.test")).toEqual([]);
  });

  it("refuses short, over-long, common and email-based passwords", () => {
    expect(passwordProblems("pendek")).toEqual(["too_short"]);
    expect(passwordProblems("x".repeat(129))).toEqual(["too_long"]);
    expect(passwordProblems("Password123")).toEqual(["common"]);
    expect(passwordProblems("Bismillah123")).toEqual(["common"]);
    expect(passwordProblems("budisantoso2026", "budisantoso@akrab.test")).toEqual(["contains_email"]);
  });

  it("counts characters, not UTF-16 units", () => {
    expect(passwordProblems("🔒🔒🔒🔒🔒🔒🔒🔒🔒")).toEqual(["too_short"]);
  });
});
