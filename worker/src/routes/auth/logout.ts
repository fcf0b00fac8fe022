import { revokeSession } from "@akrab/db";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { AuthedEnv } from "../../env.ts";
import { audit } from "../../lib/audit.ts";
import { bearerSecurity, problems } from "../../lib/openapi.ts";
import { clearSessionCookie, requireAuth } from "../../middleware/auth/index.ts";

export const logoutRoute = createRoute({
  method: "post",
  operationId: "auth.logout",
  path: "/api/v1/auth/logout",
  tags: ["Auth"],
  summary: "Sign out: revokes the session server-side",
  description: "The token and cookie of this session stop working at once.",
  security: bearerSecurity,
  middleware: [requireAuth()] as const,
  responses: { 204: { description: "Signed out" }, ...problems(401) },
});

export const logout: RouteHandler<typeof logoutRoute, AuthedEnv> = async (c) => {
  const db = c.get("db");
  const { session } = c.get("principal");
  await db.batch([
    revokeSession(db, session.id),
    audit(c, { action: "auth.logout", targetType: "session", targetId: session.id }),
  ]);
  clearSessionCookie(c);
  return c.body(null, 204);
};
