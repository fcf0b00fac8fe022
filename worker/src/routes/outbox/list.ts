import { CursorQuery, OutboxPage } from "@akrab/contracts";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { NationalEnv } from "../../env.ts";
import { bearerSecurity, jsonResponse, problems } from "../../lib/openapi.ts";
import { national } from "../../middleware/national/index.ts";
import { unknownCursor } from "../../middleware/problem/index.ts";
import { presentOutboxMessage } from "./present.ts";

export const listOutboxRoute = createRoute({
  method: "get",
  operationId: "outbox.list",
  path: "/api/v1/national/outbox",
  tags: ["Operations"],
  summary: "Messages and their delivery status, newest first (platform admins)",
  description:
    "Lets operators see what was sent; in local development it is how invitation and reset links are followed.",
  security: bearerSecurity,
  middleware: [national({ roles: ["platform_admin"] })] as const,
  request: { query: CursorQuery },
  responses: { 200: jsonResponse(OutboxPage, "One page of messages"), ...problems(400, 401, 404) },
});

export const listOutboxMessages: RouteHandler<typeof listOutboxRoute, NationalEnv> = async (c) => {
  const page = await c.get("national").outbox.list(c.req.valid("query"));
  if (!page) throw unknownCursor();
  return c.json({ nextCursor: page.nextCursor, items: page.items.map(presentOutboxMessage) }, 200);
};
