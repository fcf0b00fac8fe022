import { z } from "@hono/zod-openapi";
import { TenantParam } from "../../lib/params.ts";

export const DocumentParam = TenantParam.extend({ documentId: z.string().min(1).max(64) });
export const VersionQuery = z.object({
  version: z.coerce
    .number()
    .int()
    .min(1)
    .optional()
    .openapi({ description: "An earlier version; the current one when absent" }),
});
