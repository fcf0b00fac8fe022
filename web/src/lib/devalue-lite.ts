/**
 * What SvelteKit's client uses of `devalue`, for the values this app gives it, in devalue's own format;
 * the client build resolves `devalue` to this module (web/client-diet.ts). The client serialises
 * only `page.state` into history entries (always `{}` here: no shallow routing, no snapshots) and
 * would parse a server `load`'s data (there is none: no server); devalue's full serialiser
 * (Dates, Maps, Sets, typed arrays, cycles…, 9.6 KB gzip of every first load) has nothing to do.
 * Plain JSON values (with `undefined`, NaN, ±Infinity, -0, holes and shared references) and custom
 * reducers/revivers are written and read exactly as devalue does; anything else throws, loudly.
 */

const UNDEFINED = -1;
const HOLE = -2;
const NAN = -3;
const POSITIVE_INFINITY = -4;
const NEGATIVE_INFINITY = -5;
const NEGATIVE_ZERO = -6;

type Reducers = Record<string, (value: unknown) => unknown>;
type Revivers = Record<string, (value: unknown) => unknown>;

/** devalue's `stringify`: the value flattened into an array of JSON values that point at each other. */
export function stringify(value: unknown, reducers: Reducers = {}): string {
  const out: string[] = [];
  const indexes = new Map<unknown, number>();
  const flatten = (thing: unknown): number => {
    if (thing === undefined) return UNDEFINED;
    if (typeof thing === "number") {
      if (Number.isNaN(thing)) return NAN;
      if (thing === Number.POSITIVE_INFINITY) return POSITIVE_INFINITY;
      if (thing === Number.NEGATIVE_INFINITY) return NEGATIVE_INFINITY;
      if (Object.is(thing, -0)) return NEGATIVE_ZERO;
    }
    const seen = indexes.get(thing);
    if (seen !== undefined) return seen;
    const index = out.length;
    out.push("");
    indexes.set(thing, index);
    for (const [key, reduce] of Object.entries(reducers)) {
      const reduced = reduce(thing);
      if (reduced) {
        out[index] = `[${JSON.stringify(key)},${flatten(reduced)}]`;
        return index;
      }
    }
    if (thing === null || typeof thing === "string" || typeof thing === "number" || typeof thing === "boolean") {
      out[index] = JSON.stringify(thing);
    } else if (Array.isArray(thing)) {
      const items: number[] = [];
      for (let i = 0; i < thing.length; i += 1) items.push(i in thing ? flatten(thing[i]) : HOLE);
      out[index] = `[${items.join(",")}]`;
    } else if (typeof thing === "object" && Object.getPrototypeOf(thing) === Object.prototype) {
      const fields = Object.keys(thing).map(
        (key) => `${JSON.stringify(key)}:${flatten((thing as Record<string, unknown>)[key])}`,
      );
      out[index] = `{${fields.join(",")}}`;
    } else {
      throw new Error(
        `devalue-lite: cannot serialise a ${Object.prototype.toString.call(thing)} (web/src/lib/devalue-lite.ts)`,
      );
    }
    return index;
  };
  const root = flatten(value);
  return root < 0 ? `${root}` : `[${out.join(",")}]`;
}

/** devalue's `unflatten`: the value of an already `JSON.parse`d flattened array. */
export function unflatten(parsed: unknown, revivers: Revivers = {}): unknown {
  const special = (index: number): { value: unknown } | null => {
    if (index === UNDEFINED) return { value: undefined };
    if (index === NAN) return { value: Number.NaN };
    if (index === POSITIVE_INFINITY) return { value: Number.POSITIVE_INFINITY };
    if (index === NEGATIVE_INFINITY) return { value: Number.NEGATIVE_INFINITY };
    if (index === NEGATIVE_ZERO) return { value: -0 };
    return null;
  };
  if (typeof parsed === "number") {
    const value = special(parsed);
    if (!value) throw new Error("devalue-lite: invalid input");
    return value.value;
  }
  if (!Array.isArray(parsed) || parsed.length === 0) throw new Error("devalue-lite: invalid input");
  const values: unknown[] = parsed;
  const hydrated = new Map<number, unknown>();
  const hydrate = (index: number): unknown => {
    const kept = special(index);
    if (kept) return kept.value;
    if (hydrated.has(index)) return hydrated.get(index);
    if (!Number.isInteger(index) || index < 0 || index >= values.length) throw new Error("devalue-lite: invalid input");
    const value = values[index];
    if (value === null || typeof value !== "object") {
      hydrated.set(index, value);
    } else if (Array.isArray(value)) {
      if (typeof value[0] === "string") {
        const revive = revivers[value[0]];
        if (!revive) throw new Error(`devalue-lite: cannot read a ${value[0]} (web/src/lib/devalue-lite.ts)`);
        hydrated.set(index, revive(hydrate(value[1] as number)));
      } else {
        const array = new Array<unknown>(value.length);
        hydrated.set(index, array);
        value.forEach((item: number, i) => {
          if (item !== HOLE) array[i] = hydrate(item);
        });
      }
    } else {
      const object: Record<string, unknown> = {};
      hydrated.set(index, object);
      for (const [key, item] of Object.entries(value as Record<string, number>)) {
        if (key === "__proto__") throw new Error("devalue-lite: cannot read a __proto__ property");
        object[key] = hydrate(item);
      }
    }
    return hydrated.get(index);
  };
  return hydrate(0);
}

/** devalue's `parse`: `stringify`'s output back to its value. */
export function parse(serialized: string, revivers: Revivers = {}): unknown {
  return unflatten(JSON.parse(serialized), revivers);
}

/** devalue's `uneval` writes data into server-rendered HTML; nothing in the browser calls it. */
export function uneval(): never {
  throw new Error("devalue-lite: uneval runs on a server only");
}
