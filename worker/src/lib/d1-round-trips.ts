/**
 * Counts D1 round trips of one request without changing what runs: each `first`/`all`/`run`/`raw`
 * of a statement and each `batch` (one round trip however many statements) adds one. The real
 * binding does the work; statements handed to `batch` are unwrapped back to the binding's own.
 */
const NATIVE = Symbol("native statement");

export function countRoundTrips(d1: D1Database): { db: D1Database; count(): number } {
  let count = 0;
  const statement = (native: D1PreparedStatement): D1PreparedStatement =>
    new Proxy(native, {
      get(target, prop) {
        if (prop === NATIVE) return target;
        if (prop === "bind") return (...values: unknown[]) => statement(target.bind(...values));
        const value = Reflect.get(target, prop, target) as unknown;
        if (typeof value !== "function") return value;
        if (prop === "first" || prop === "all" || prop === "run" || prop === "raw") {
          return (...args: unknown[]) => {
            count++;
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          };
        }
        return (value as (...a: unknown[]) => unknown).bind(target);
      },
    });
  const db = new Proxy(d1, {
    get(target, prop) {
      if (prop === "prepare") return (query: string) => statement(target.prepare(query));
      if (prop === "batch") {
        return (statements: D1PreparedStatement[]) => {
          count++;
          return target.batch(statements.map((s) => (Reflect.get(s, NATIVE) as D1PreparedStatement | undefined) ?? s));
        };
      }
      if (prop === "exec") {
        return (query: string) => {
          count++;
          return target.exec(query);
        };
      }
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { db, count: () => count };
}
