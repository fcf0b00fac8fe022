import { CursorQuery, OutboxPage } from "@akrab/contracts";
import { listOutbox } from "@akrab/db";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { AppEnv } from "../../env.ts";
import { bearerSecurity, jsonResponse, problems } from "../../lib/openapi.ts";
import { requireNationalRole } from "../../middleware/auth/index.ts";
import { unknownCursor } from "../../middleware/problem/index.ts";

export const listOutboxRoute = createRoute({
  method: "get",
  operationId: "outbox.list",
  path: "/api/v1/national/outbox",
  tags: ["Operations"],
  summary: "Messages queued for delivery, newest first (platform admins)",
  description: "Lets operators see what was sent; in local development it is how invitation and reset links are followed.",
  security: bearerSecurity,
  middleware: [requireNationalRole("platform_admin")] as const,
  request: { query: CursorQuery },
  responses: { 200: jsonResponse(OutboxPage, "One page of messages"), ...problems(400, 401, 404) },
});

export const listOutboxMessages: RouteHandler<typeof listOutboxRoute, AppEnv> = async (c) => {
  const page = await listOutbox(c.get("db"), c.req.valid("query"));
  if (!page) throw unknownCursor();
  return c.json(
    {
      nextCursor: page.nextCursor,
      items: page.items.map(({ id, channel, recipient, subject, body, status, createdAt }) => ({ id, channel, recipient, subject, body, status, createdAt })),
    },
    200,
  );
};
