import { Me } from "@akrab/contracts";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { AuthedEnv } from "../../env.ts";
import { bearerSecurity, jsonResponse, problems } from "../../lib/openapi.ts";
import { requireAuth } from "../../middleware/auth/index.ts";
import { describeSession } from "../../services/sessions.ts";

export const meRoute = createRoute({
  method: "get",
  operationId: "auth.me",
  path: "/api/v1/auth/me",
  tags: ["Auth"],
  summary: "The signed-in user and their memberships",
  security: bearerSecurity,
  middleware: [requireAuth()] as const,
  responses: { 200: jsonResponse(Me, "The current user"), ...problems(401) },
});

export const me: RouteHandler<typeof meRoute, AuthedEnv> = async (c) => {
  const { user, memberships } = c.get("principal");
  return c.json(describeSession(user, memberships), 200);
};
