import { mergeFields, type Fields } from "@akrab/domain";
import type { z } from "@hono/zod-openapi";
import { conflictingFields, Problem, type Versioned } from "../middleware/problem/index.ts";

/**
 * A record changed field by field: the client's `base` names the fields it changed and their values
 * when it started; merged with the server's current record (domain `mergeFields`). Conflicts are a
 * 409 listing both values; a merge that breaks a rule across fields is a 400 naming the field.
 */
export function mergedRecord<S extends z.ZodType>(
  schema: S,
  fields: readonly string[],
  change: { base: Fields; client: Fields; server: Fields },
  prefix: string,
  what: Versioned,
): z.output<S> {
  const unknown = Object.keys(change.base).filter((field) => !fields.includes(field));
  if (unknown.length > 0)
    throw new Problem("validation", "Dasar perubahan menyebut isian yang tidak ada / The base names unknown fields", {
      errors: unknown.map((field) => ({ path: `base.${field}`, message: "Isian tidak dikenal / Unknown field" })),
    });
  const { merged, conflicts } = mergeFields(change.base, change.client, change.server);
  if (conflicts.length > 0) throw conflictingFields(what, conflicts);
  const parsed = schema.safeParse(merged);
  if (!parsed.success)
    throw new Problem(
      "validation",
      "Perubahan Anda tidak cocok dengan perubahan orang lain / Your change does not fit the one made meanwhile",
      {
        errors: parsed.error.issues.map((issue) => ({
          path: [prefix, ...issue.path.map(String)].join("."),
          message: issue.message,
        })),
      },
    );
  return parsed.data;
}
