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
  })
  .openapi("Problem", { description: "RFC 9457 problem details" });

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
