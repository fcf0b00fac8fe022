import { z } from "@hono/zod-openapi";

export const Problem = z
  .object({
    type: z.string().openapi({ example: "urn:akrab:problem:validation" }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    conflicts: z
      .array(
        z.object({
          field: z.string().openapi({ example: "phone" }),
          server: z.unknown().openapi({ description: "The field's value on the server now" }),
          client: z.unknown().openapi({ description: "The value the caller sent" }),
        }),
      )
      .optional()
      .openapi({
        description: "On a 409 to a change sent with its base values: each field someone else changed differently",
      }),
  })
  .openapi("Problem", { description: "RFC 9457 problem details" });

/**
 * The one 409 of every versioned settings record (certificate, supervision): what the editor needs
 * to save again without losing anyone's change, in the answer itself.
 */
export const StaleSaveProblem = Problem.extend({
  version: z
    .number()
    .int()
    .openapi({ description: "The version saved now: send it as `expectedVersion` to save again" }),
  conflicts: Problem.shape.conflicts
    .unwrap()
    .min(1)
    .openapi({ description: "Each field whose value saved now differs from the one sent" }),
}).openapi("StaleSaveProblem", {
  description:
    "A save sent with an `expectedVersion` that is no longer current, where the settings saved now differ from the ones sent (nothing was saved). Sent again when they are equal, the save answers 200.",
});

export const CursorQuery = z.object({
  cursor: z.string().max(512).optional().openapi({ description: "Opaque cursor from the previous page's nextCursor" }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export function pageOf<T extends z.ZodType>(item: T, name: string) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() }).openapi(name);
}

export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: "Alamat email tidak valid / Invalid email address" }).max(254));

/**
 * Control characters (C0, DEL, C1) and the bidirectional embeddings, overrides and isolates.
 * NUL truncates strings in C code and PDFs, other controls corrupt CSV exports and emails, and
 * bidi controls make a name display as something it is not (`Panti\u202Eabc` shows reversed).
 * No regex flags: the OpenAPI generator writes a flagged regex's `/u` into the JSON Schema pattern,
 * and every character here is in the BMP, so plain ranges say the same as `\p{Cc}`.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what this refuses
const SINGLE_LINE = /^[^\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]*$/;
/** The same, but a multi-line field keeps its line breaks and tabs. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what this refuses
const MULTI_LINE = /^[^\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]*$/;
const NO_CONTROL = "Tidak boleh berisi karakter kendali / Must not contain control characters";
const NO_CONTROL_MULTILINE =
  "Tidak boleh berisi karakter kendali selain baris baru dan tab / Must not contain control characters other than newline and tab";

/** Every single-line text a person types (names, numbers, addresses): trimmed, no control characters. */
export const Text = () => z.string().trim().regex(SINGLE_LINE, NO_CONTROL);

/** Text a person may break into lines (comments, reasons, a letter's summary): newline and tab allowed. */
export const MultilineText = () => z.string().trim().regex(MULTI_LINE, NO_CONTROL_MULTILINE);

/**
 * The value each changed field had when the editor started (offline edits send it): fields left out
 * are not the caller's to change. With it, a newer version merges field by field instead of a 409.
 */
export const BaseValues = z
  .record(z.string().max(80), z.unknown())
  .optional()
  .openapi({
    description:
      "For each field the caller changed, its value when they started. Sent, a newer version on the server is merged field by field: fields only the caller changed are saved, fields both changed differently are a 409 listing `conflicts`",
    example: { phone: "0812-0000-0001" },
  });
