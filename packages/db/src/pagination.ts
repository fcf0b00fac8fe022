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
  return btoa(String.fromCharCode(...bytes)).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
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
