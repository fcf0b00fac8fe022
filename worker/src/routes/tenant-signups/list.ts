import { CursorQuery, TenantSignup, pageOf } from "@akrab/contracts";
import { createRoute, z, type RouteHandler } from "@hono/zod-openapi";
import type { NationalEnv } from "../../env.ts";
import { bearerSecurity, jsonResponse, problems } from "../../lib/openapi.ts";
import { national } from "../../middleware/national/index.ts";
import { unknownCursor } from "../../middleware/problem/index.ts";
import { presentSignup } from "./present.ts";

export const listSignupsRoute = createRoute({
  method: "get",
  operationId: "tenantSignups.list",
  path: "/api/v1/national/tenant-signups",
  tags: ["Tenant onboarding"],
  summary: "Sign-ups to review, oldest first (platform admins)",
  security: bearerSecurity,
  middleware: [national({ roles: ["platform_admin"] })] as const,
  request: { query: CursorQuery.extend({ status: z.enum(["pending", "approved", "rejected"]).default("pending") }) },
  responses: {
    200: jsonResponse(pageOf(TenantSignup, "TenantSignupPage"), "One page of sign-ups"),
    ...problems(400, 401, 404),
  },
});

export const listSignupsHandler: RouteHandler<typeof listSignupsRoute, NationalEnv> = async (c) => {
  const { status, cursor, limit } = c.req.valid("query");
  const page = await c.get("national").signups.list(status, { cursor, limit });
  if (!page) throw unknownCursor();
  return c.json({ nextCursor: page.nextCursor, items: page.items.map(presentSignup) }, 200);
};
