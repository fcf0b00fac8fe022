import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, toPage } from "./pagination.ts";

describe("cursors", () => {
  it("round-trip any key, including non-ASCII names (property)", () => {
    fc.assert(fc.property(fc.array(fc.string(), { minLength: 1, maxLength: 3 }), (key) => {
        expect(decodeCursor(encodeCursor(key), key.length)).toEqual(key);
      }),
    );
  });

  it("reject anything this API did not issue", () => {
    expect(decodeCursor("garbage", 2)).toBeNull();
    expect(decodeCursor(encodeCursor(["a"]), 2)).toBeNull();
    expect(decodeCursor(btoa(JSON.stringify([1, 2])), 2)).toBeNull();
  });

  it("offer a next page only when an extra row was fetched", () => {
    expect(toPage([1, 2, 3], 2, (n) => [String(n)])).toEqual({ items: [1, 2], nextCursor: encodeCursor(["2"]) });
    expect(toPage([1, 2], 2, (n) => [String(n)])).toEqual({ items: [1, 2], nextCursor: null });
  });
});
