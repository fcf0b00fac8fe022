import { and, asc, desc, eq, gt, lt, or, type SQL, type SQLWrapper } from "drizzle-orm";

/**
 * Keyset pagination: the cursor carries the sort key of the last row sent, so a page costs one
 * index range scan however deep the client has paged, and rows added meanwhile are never skipped.
 */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export function encodeCursor(key: readonly string[]): string {
  const bytes = new TextEncoder().encode(JSON.stringify(key));
  return btoa(String.fromCharCode(...bytes))
    .replaceAll("+", "-")
    .replaceAll("/", "_")
    .replace(/=+$/, "");
}

/** Returns null for anything that is not a cursor this API issued with `arity` parts. */
export function decodeCursor(cursor: string, arity: number): string[] | null {
  try {
    const binary = atob(cursor.replaceAll("-", "+").replaceAll("_", "/"));
    const key: unknown = JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (ch) => ch.charCodeAt(0))));
    if (Array.isArray(key) && key.length === arity && key.every((part) => typeof part === "string")) return key;
    return null;
  } catch {
    return null;
  }
}

/** Queries fetch `limit + 1` rows; the extra row only says whether another page exists. */
export function toPage<T>(rows: T[], limit: number, keyOf: (row: T) => readonly string[]): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}

/** Where a page starts and how its rows are ordered; `where` is undefined on the first page. */
export interface Keyset {
  where: SQL | undefined;
  orderBy: SQL[];
}

/**
 * The condition "after the cursor" and the ordering for a list sorted by `keys` (the last one
 * unique, usually the id), all in one `direction`; the cursor holds the last row's value of each
 * key. Null when the cursor is not one this API issued for as many keys. The condition is spelled
 * `k1 > v1 OR (k1 = v1 AND k2 > v2)` rather than as a row value so SQLite keeps using the index.
 */
export function keyset(
  cursor: string | undefined,
  direction: "asc" | "desc",
  keys: readonly [SQLWrapper, ...SQLWrapper[]],
): Keyset | null {
  const orderBy = keys.map((key) => (direction === "asc" ? asc(key) : desc(key)));
  if (!cursor) return { where: undefined, orderBy };
  const values = decodeCursor(cursor, keys.length);
  if (!values) return null;
  const beyond = direction === "asc" ? gt : lt;
  // Built from the last key outwards: after(i) = key_i beyond v_i, or key_i = v_i and after(i + 1).
  const where = keys.reduceRight<SQL | undefined>((rest, key, i) => {
    const value = values[i];
    return rest ? or(beyond(key, value), and(eq(key, value), rest)) : beyond(key, value);
  }, undefined);
  return { where, orderBy };
}
