/**
 * A save of versioned settings (the whole record, sent with the version it was read at) that reaches
 * the server after someone else saved: the two halves of the per-field rule, one for the worker's
 * answer and one for the form that receives it. They agree with `mergeFields` (the tests hold them to it).
 */
import { type Fields, sameValue } from "./merge.ts";

/** A field whose saved value differs from the one sent: both, for the 409's `conflicts`. */
export interface SavedDifference {
  field: string;
  /** The value saved now. */
  server: unknown;
  /** The value the stale save sent. */
  client: unknown;
}

/**
 * The fields of `sent` whose value differs from the one saved now, in `sent`'s order. None: the
 * settings already hold what was sent (a retry whose first answer was lost), which is no conflict.
 * The server cannot tell whose change a difference is (it does not know what the editor read), so
 * it names every one; the form that knows tells them apart (`savedMeanwhile`).
 */
export function savedDifferences<T extends Fields>(saved: T, sent: T): SavedDifference[] {
  return Object.keys(sent)
    .filter((field) => !sameValue(saved[field], sent[field]))
    .map((field) => ({ field, server: saved[field] ?? null, client: sent[field] ?? null }));
}

/**
 * What a form must show after its save was refused as stale: the fields someone else saved
 * differently since the form read them (`read`) and that differ from what the form holds (`held`),
 * each with its value saved now. A field only this form changed is its own change, not marked; a
 * field only the other side changed is marked (the editor takes it over or saves over it, never in
 * silence); a field both changed differently is marked. Nothing marked: the form's values can be
 * saved again on the new version without losing anyone's change.
 */
export function savedMeanwhile<T extends Fields>(read: T, held: T, saved: T): Partial<T> {
  const marked: Fields = {};
  for (const field of Object.keys(held)) {
    if (!sameValue(saved[field], read[field]) && !sameValue(saved[field], held[field]))
      marked[field] = saved[field] ?? null;
  }
  return marked as Partial<T>;
}

/** The settings saved now, from the values a form sent and the 409's differences. */
export function savedFrom<T extends Fields>(sent: T, differences: readonly SavedDifference[]): T {
  return { ...sent, ...Object.fromEntries(differences.map((d) => [d.field, d.server])) };
}
