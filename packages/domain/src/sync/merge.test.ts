import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { baseOf, mergeChange, mergeFields, sameValue, settleConflicts, type Fields } from "./merge.ts";

const KEYS = ["name", "phone", "email", "address", "board"] as const;
// Few distinct values, so that the two sides often change a field to the same or the base's value.
const value = fc.oneof(
  fc.constantFrom("a", "b", "c", null, 1),
  fc.record({ x: fc.constantFrom("a", "b"), y: fc.constantFrom(1, 2) }),
  fc.array(fc.constantFrom("a", "b"), { maxLength: 2 }),
);
const record = fc.record(Object.fromEntries(KEYS.map((k) => [k, value])) as Record<string, typeof value>, {
  requiredKeys: [],
}) as fc.Arbitrary<Fields>;
const partial = record;
/** The base the client states for each field: its value when it started, or left out (unchanged). */
const effectiveBase = (base: Fields, client: Fields, field: string) =>
  Object.hasOwn(base, field) ? base[field] : client[field];
const reversed = (r: Fields): Fields => Object.fromEntries(Object.entries(r).reverse());
const fields = (...rs: Fields[]) => [...new Set(rs.flatMap((r) => Object.keys(r)))];

describe("mergeFields", () => {
  it("takes the client's change to a field the server left alone", () => {
    const result = mergeFields({ phone: "1" }, { name: "A", phone: "2" }, { name: "A", phone: "1" });
    expect(result).toEqual({ merged: { name: "A", phone: "2" }, changed: ["phone"], conflicts: [] });
  });

  it("keeps the server's change to a field the client left alone, and merges both", () => {
    const result = mergeFields({ phone: "1" }, { name: "A", phone: "2" }, { name: "B", phone: "1" });
    expect(result).toEqual({ merged: { name: "B", phone: "2" }, changed: ["phone"], conflicts: [] });
  });

  it("raises a conflict where both changed a field differently, keeping the server's value meanwhile", () => {
    const result = mergeFields({ phone: "1", name: "A" }, { name: "C", phone: "2" }, { name: "B", phone: "1" });
    expect(result.merged).toEqual({ name: "B", phone: "2" });
    expect(result.changed).toEqual(["phone"]);
    expect(result.conflicts).toEqual([{ field: "name", base: "A", client: "C", server: "B" }]);
  });

  it("sees no conflict where both made the same change, whatever the key order of nested values", () => {
    const result = mergeFields({ address: { a: 1, b: 1 } }, { address: { a: 2, b: 2 } }, { address: { b: 2, a: 2 } });
    expect(result.conflicts).toEqual([]);
    expect(result.changed).toEqual([]);
  });

  it("treats a missing value and null as the same (a cleared optional field)", () => {
    expect(sameValue(undefined, null)).toBe(true);
    expect(sameValue({ a: undefined }, {})).toBe(true);
    const result = mergeFields({ summary: null }, { summary: "baru" } as Fields, {} as Fields);
    expect(result).toEqual({ merged: { summary: "baru" }, changed: ["summary"], conflicts: [] });
  });
});

describe("merge properties", () => {
  it("is deterministic, whatever the order of the records' keys", () => {
    fc.assert(
      fc.property(partial, record, record, (base, client, server) => {
        const once = mergeFields(base, client, server);
        expect(mergeFields(structuredClone(base), structuredClone(client), structuredClone(server))).toEqual(once);
        const again = mergeFields(reversed(base), reversed(client), reversed(server));
        expect(again.changed).toEqual(once.changed);
        expect(again.conflicts).toEqual(once.conflicts);
        expect(sameValue(again.merged, once.merged)).toBe(true);
      }),
    );
  });

  it("always keeps a field changed on one side only, and raises no conflict for it", () => {
    fc.assert(
      fc.property(partial, record, record, (base, client, server) => {
        const { merged, conflicts } = mergeFields(base, client, server);
        for (const field of fields(base, client, server)) {
          const was = effectiveBase(base, client, field);
          const conflicted = conflicts.some((c) => c.field === field);
          if (sameValue(server[field], was)) {
            expect(sameValue(merged[field], client[field])).toBe(true);
            expect(conflicted).toBe(false);
          }
          if (sameValue(client[field], was)) {
            expect(sameValue(merged[field], server[field])).toBe(true);
            expect(conflicted).toBe(false);
          }
        }
      }),
    );
  });

  it("never loses a change without a conflict: each changed field is in the result or in the conflicts", () => {
    fc.assert(
      fc.property(partial, record, record, (base, client, server) => {
        const { merged, conflicts } = mergeFields(base, client, server);
        for (const field of fields(base, client, server)) {
          const was = effectiveBase(base, client, field);
          const conflict = conflicts.find((c) => c.field === field);
          if (!sameValue(client[field], was))
            expect(sameValue(merged[field], client[field]) || conflict !== undefined).toBe(true);
          if (!sameValue(server[field], was))
            expect(sameValue(merged[field], server[field]) || conflict !== undefined).toBe(true);
          if (conflict) {
            // Exactly the fields both sides changed, to different values; the conflict carries all three.
            expect(sameValue(client[field], was) || sameValue(server[field], was)).toBe(false);
            expect(sameValue(client[field], server[field])).toBe(false);
            expect(conflict).toEqual({ field, base: was, client: client[field], server: server[field] });
          }
        }
      }),
    );
  });

  it("lists as changed exactly the fields where the result differs from the server", () => {
    fc.assert(
      fc.property(partial, record, record, (base, client, server) => {
        const { merged, changed } = mergeFields(base, client, server);
        const differing = fields(merged, server).filter((f) => !sameValue(merged[f], server[f]));
        expect(changed).toEqual(differing.sort());
      }),
    );
  });

  it("does nothing twice: the same change merged into its own result changes nothing more", () => {
    fc.assert(
      fc.property(partial, record, record, (base, client, server) => {
        const first = mergeFields(base, client, server);
        const second = mergeFields(base, client, first.merged);
        expect(second.changed).toEqual([]);
        expect(second.conflicts).toEqual(first.conflicts);
      }),
    );
  });

  it("after the person settles every conflict, the change merges cleanly with each chosen value", () => {
    fc.assert(
      fc.property(
        partial,
        record,
        record,
        fc.array(fc.constantFrom<"client" | "server">("client", "server"), { minLength: KEYS.length }),
        (base, client, server, picks) => {
          const change = { base, values: client };
          const { conflicts } = mergeChange(change, server);
          const choices = Object.fromEntries(conflicts.map((c, i) => [c.field, picks[i]!]));
          const settled = mergeChange(settleConflicts(change, conflicts, choices), server);
          expect(settled.conflicts).toEqual([]);
          for (const c of conflicts)
            expect(sameValue(settled.merged[c.field], choices[c.field] === "client" ? c.client : c.server)).toBe(true);
        },
      ),
    );
  });

  it("a change built by baseOf from what the person started with applies whole when nobody else wrote", () => {
    fc.assert(
      fc.property(record, record, (started, edited) => {
        const { merged, conflicts } = mergeFields(baseOf(started, edited), edited, started);
        expect(conflicts).toEqual([]);
        for (const field of fields(started, edited)) expect(sameValue(merged[field], edited[field])).toBe(true);
      }),
    );
  });
});
