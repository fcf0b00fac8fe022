import { z } from "@hono/zod-openapi";

/** The tenant in every /api/v1/t/{tenant}/… path (its slug). */
export const TenantParam = z.object({ tenant: z.string().min(1).max(80).openapi({ example: "kota-tangerang" }) });
