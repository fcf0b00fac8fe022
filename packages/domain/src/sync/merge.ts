/**
 * The per-field merge of an offline change (ARCHITECTURE.md, "sync/"). A change is the record a
 * person edited plus, for each field they touched, the value that field had when they started
 * (its base). Merged against the server's current record: a field changed on one side only takes
 * that side's value; a field both sides changed to different values is a conflict for the person
 * to settle. Never last-write-wins in silence. Shared by the worker (which applies it) and the web
 * (which shows conflicts and rebases the person's choices).
 */

export type Fields = Record<string, unknown>;

/** A field both sides changed, to different values. */
export interface FieldConflict {
  field: string;
  base: unknown;
  client: unknown;
  server: unknown;
}

export interface MergeResult<T extends Fields> {
  /** The server's record with every non-conflicting client change applied (conflicted fields keep the server's value). */
  merged: T;
  /** Fields whose merged value differs from the server's: what the write changes. Sorted. */
  changed: string[];
  /** Sorted by field. */
  conflicts: FieldConflict[];
}

/** A change as an outbox keeps it and as the API receives it. */
export interface FieldChange<T extends Fields> {
  /** The whole record as the person left it. */
  values: T;
  /** For each field the person changed, its value when they started; fields left out are not theirs to change. */
  base: Partial<T>;
}

/** Value equality as JSON sees it: object key order does not matter, a missing value equals null. */
export function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, v: unknown) => {
    if (v && typeof v === "object" && !Array.isArray(v)) {
      const entries = Object.entries(v as Fields).filter(([, inner]) => inner !== undefined);
      return Object.fromEntries(entries.sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)));
    }
    return v;
  });
}

/**
 * Three-way merge field by field. `base` holds the value each field had when the client started;
 * a field missing from `base` counts as unchanged by the client (its base is the client's own value).
 */
export function mergeFields<T extends Fields>(base: Partial<T>, client: T, server: T): MergeResult<T> {
  const keys = [...new Set([...Object.keys(base), ...Object.keys(client), ...Object.keys(server)])].sort();
  const merged: Fields = {};
  const changed: string[] = [];
  const conflicts: FieldConflict[] = [];
  for (const field of keys) {
    const mine = client[field];
    const theirs = server[field];
    const was = Object.hasOwn(base, field) ? base[field] : mine;
    let value: unknown;
    if (sameValue(mine, was) || sameValue(mine, theirs)) value = theirs;
    else if (sameValue(theirs, was)) value = mine;
    else {
      conflicts.push({ field, base: was, client: mine, server: theirs });
      value = theirs;
    }
    if (value !== undefined) merged[field] = value;
    if (!sameValue(value, theirs)) changed.push(field);
  }
  return { merged: merged as T, changed, conflicts };
}

/** Applies a change to the server's record: `mergeFields` with the change's own parts. */
export function mergeChange<T extends Fields>(change: FieldChange<T>, server: T): MergeResult<T> {
  return mergeFields(change.base, change.values, server);
}

/**
 * The change after the person settled its conflicts, field by field: keeping their own value
 * rebases the field on the server's (so it applies), taking the server's drops it from the change.
 * Fields without a choice keep conflicting.
 */
export function settleConflicts<T extends Fields>(
  change: FieldChange<T>,
  conflicts: readonly FieldConflict[],
  choices: Readonly<Record<string, "client" | "server">>,
): FieldChange<T> {
  const values: Fields = { ...change.values };
  const base: Fields = { ...change.base };
  for (const conflict of conflicts) {
    const choice = choices[conflict.field];
    if (choice === "client") base[conflict.field] = conflict.server;
    else if (choice === "server") {
      values[conflict.field] = conflict.server;
      delete base[conflict.field];
    }
  }
  return { values: values as T, base: base as Partial<T> };
}

/** The base of a change from the record the person started with and the one they left: the fields they touched. */
export function baseOf<T extends Fields>(started: T, edited: T): Partial<T> {
  const base: Fields = {};
  for (const field of new Set([...Object.keys(started), ...Object.keys(edited)])) {
    if (!sameValue(started[field], edited[field])) base[field] = started[field] ?? null;
  }
  return base as Partial<T>;
}
