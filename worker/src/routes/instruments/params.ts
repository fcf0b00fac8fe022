import { z } from "@hono/zod-openapi";

export const InstrumentParam = z.object({
  instrumentId: z.string().min(1).max(64).openapi({ example: "lksa-2025-1" }),
});
