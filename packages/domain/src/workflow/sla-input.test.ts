import { describe, expect, test } from "vitest";
import { parseSlaInput } from "./sla-input.ts";

describe("an SLA typed in the workflow editor", () => {
  test("empty is no deadline; a whole number of days is that number", () => {
    expect(parseSlaInput("")).toEqual({ ok: true, slaDays: null });
    expect(parseSlaInput("  ")).toEqual({ ok: true, slaDays: null });
    expect(parseSlaInput(" 7 ")).toEqual({ ok: true, slaDays: 7 });
    expect(parseSlaInput("365")).toEqual({ ok: true, slaDays: 365 });
  });

  test("anything else is an error, never 'no deadline'", () => {
    for (const text of ["abc", "2,5", "2.5", "-1", "7 hari", "1e2"]) {
      const read = parseSlaInput(text);
      expect(read.ok, text).toBe(false);
      if (!read.ok) expect(read.message).toContain("bilangan bulat");
    }
    expect(parseSlaInput("0")).toMatchObject({ ok: false, message: expect.stringContaining("minimal 1") });
    expect(parseSlaInput("366")).toMatchObject({ ok: false, message: expect.stringContaining("365") });
  });
});
