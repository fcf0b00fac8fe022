import { describe, expect, it } from "vitest";
import { INTAKE_EMAILS_PER_DAY, intakeDigestDue, intakeEmailNow } from "./intake.ts";

describe("intake notifications", () => {
  it("emails the first arrivals of a day one by one and the rest in the next morning's digest", () => {
    const emailed = Array.from({ length: 10 }, (_, earlier) => intakeEmailNow(earlier)).filter(Boolean).length;
    expect(emailed).toBe(INTAKE_EMAILS_PER_DAY);
    expect(intakeDigestDue(INTAKE_EMAILS_PER_DAY)).toBe(false); // every one was emailed already
    expect(intakeDigestDue(INTAKE_EMAILS_PER_DAY + 1)).toBe(true);
    expect(intakeDigestDue(0)).toBe(false);
  });
});
