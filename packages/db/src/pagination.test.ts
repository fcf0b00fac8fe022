import type { SQL } from "drizzle-orm";
import { SQLiteSyncDialect, sqliteTable, text } from "drizzle-orm/sqlite-core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, keyset, toPage } from "./pagination.ts";

describe("cursors", () => {
  it("round-trip any key, including non-ASCII names (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 1, maxLength: 3 }), (key) => {
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

describe("keyset", () => {
  const t = sqliteTable("t", { name: text("name"), day: text("day"), id: text("id") });
  const dialect = new SQLiteSyncDialect();
  const render = (condition: SQL | undefined) => {
    if (!condition) return undefined;
    const { sql, params } = dialect.sqlToQuery(condition);
    return { sql, params };
  };

  it("starts at the beginning without a cursor, ordered by every key", () => {
    const page = keyset(undefined, "desc", [t.day, t.id]);
    expect(page?.where).toBeUndefined();
    expect(page?.orderBy.map(render).map((q) => q?.sql)).toEqual(['"t"."day" desc', '"t"."id" desc']);
  });

  it("continues strictly after the cursor's row, key by key", () => {
    const two = keyset(encodeCursor(["Panti", "x1"]), "asc", [t.name, t.id]);
    expect(render(two?.where)).toEqual({
      sql: '("t"."name" > ? or ("t"."name" = ? and "t"."id" > ?))',
      params: ["Panti", "Panti", "x1"],
    });
    const three = keyset(encodeCursor(["a", "b", "c"]), "desc", [t.name, t.day, t.id]);
    expect(render(three?.where)).toEqual({
      sql: '("t"."name" < ? or ("t"."name" = ? and ("t"."day" < ? or ("t"."day" = ? and "t"."id" < ?))))',
      params: ["a", "a", "b", "b", "c"],
    });
    const one = keyset(encodeCursor(["3171"]), "asc", [t.id]);
    expect(render(one?.where)).toEqual({ sql: '"t"."id" > ?', params: ["3171"] });
  });

  it("refuses a cursor it did not issue, or one issued for another number of keys", () => {
    expect(keyset("garbage", "asc", [t.name, t.id])).toBeNull();
    expect(keyset(encodeCursor(["only-one"]), "asc", [t.name, t.id])).toBeNull();
  });
});
