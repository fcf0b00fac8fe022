import { describe, expect, test } from "vitest";
import { parse, stringify, unflatten, uneval } from "./devalue-lite.ts";

/** What devalue 5.9's own `stringify` writes for the same values (the client build swaps one for the other). */
const DEVALUE: [value: unknown, written: string][] = [
  [{}, "[{}]"],
  [{ a: 1, b: "x", c: [1, 2, { d: null }] }, '[{"a":1,"b":2,"c":3},1,"x",[1,4,5],2,{"d":6},null]'],
  [undefined, "-1"],
  // biome-ignore lint/suspicious/noSparseArray: a hole is part of the format
  [[1, , 3], "[[1,-2,2],1,3]"],
  [
    { n: Number.NaN, i: Number.NEGATIVE_INFINITY, z: -0, u: undefined, t: true },
    '[{"n":-3,"i":-5,"z":-6,"u":-1,"t":1},true]',
  ],
  ["s", '["s"]'],
  [42, "[42]"],
];

describe("devalue-lite", () => {
  test.each(DEVALUE)("writes %j as devalue does, and reads it back", (value, written) => {
    expect(stringify(value)).toBe(written);
    expect(parse(written)).toEqual(value);
  });

  test("a value referenced twice is written once and read back as one object", () => {
    const shared = { x: 1 };
    const written = stringify({ a: shared, b: shared });
    expect(written).toBe('[{"a":1,"b":1},{"x":2},1]');
    const read = parse(written) as { a: object; b: object };
    expect(read.a).toBe(read.b);
  });

  test("custom reducers and revivers, in devalue's [type, value] form", () => {
    class Money {
      constructor(readonly cents: number) {}
    }
    const written = stringify({ price: new Money(250) }, { Money: (v) => v instanceof Money && v.cents });
    expect(written).toBe('[{"price":1},["Money",2],250]');
    const read = parse(written, { Money: (cents) => new Money(cents as number) }) as { price: Money };
    expect(read.price).toBeInstanceOf(Money);
    expect(read.price.cents).toBe(250);
    expect(unflatten(JSON.parse(written), { Money: (cents) => cents })).toEqual({ price: 250 });
  });

  test("what only full devalue handles is refused, not written wrong", () => {
    expect(() => stringify({ when: new Date(0) })).toThrow(/cannot serialise a \[object Date\]/);
    expect(() => stringify(new Map())).toThrow(/cannot serialise/);
    expect(() => parse('[["Date","1970-01-01T00:00:00.000Z"]]')).toThrow(/cannot read a Date/);
    expect(() => parse('[{"__proto__":1},2]')).toThrow(/__proto__/);
    expect(() => parse("[]")).toThrow(/invalid input/);
    expect(() => uneval()).toThrow(/server only/);
  });
});
