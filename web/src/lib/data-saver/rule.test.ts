import { describe, expect, it } from "vitest";
import { autoReason, mayFetchNow, saverOn } from "./rule.ts";

describe("data saver: when it is on", () => {
  it("follows the browser's Save-Data and a 2G link when the person left it on auto", () => {
    expect(autoReason({ saveData: true, effectiveType: "4g" })).toBe("save-data");
    expect(autoReason({ effectiveType: "slow-2g" })).toBe("slow-network");
    expect(autoReason({ effectiveType: "2g" })).toBe("slow-network");
    expect(autoReason({ saveData: false, effectiveType: "3g" })).toBeNull();
    expect(autoReason(undefined)).toBeNull();
    expect(saverOn("auto", "save-data")).toBe(true);
    expect(saverOn("auto", null)).toBe(false);
  });

  it("the person's own choice wins over the browser's", () => {
    expect(saverOn("off", "slow-network")).toBe(false);
    expect(saverOn("on", null)).toBe(true);
  });
});

describe("data saver: may this be fetched now", () => {
  it("off: everything", () => {
    for (const kind of ["image", "prefetch", "precache"] as const) expect(mayFetchNow(kind, false)).toBe(true);
  });

  it("on: an image once asked for, code for later parts and the precache not ahead of time", () => {
    expect(mayFetchNow("image", true)).toBe(false);
    expect(mayFetchNow("image", true, true)).toBe(true);
    expect(mayFetchNow("prefetch", true)).toBe(false);
    expect(mayFetchNow("precache", true)).toBe(false);
    expect(mayFetchNow("precache", true, true)).toBe(false);
  });
});
