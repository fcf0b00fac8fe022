import { TenantSignup } from "@akrab/contracts";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { NationalEnv } from "../../env.ts";
import { bearerSecurity, jsonResponse, problems } from "../../lib/openapi.ts";
import { national } from "../../middleware/national/index.ts";
import { notFound } from "../../middleware/problem/index.ts";
import { SignupParam } from "./letter-put.ts";
import { presentSignup } from "./present.ts";

export const showSignupRoute = createRoute({
  method: "get",
  operationId: "tenantSignups.show",
  path: "/api/v1/national/tenant-signups/{signupId}",
  tags: ["Tenant onboarding"],
  summary: "One sign-up (platform admins)",
  security: bearerSecurity,
  middleware: [national({ roles: ["platform_admin"] })] as const,
  request: { params: SignupParam },
  responses: { 200: jsonResponse(TenantSignup, "The sign-up"), ...problems(401, 404) },
});

export const showSignup: RouteHandler<typeof showSignupRoute, NationalEnv> = async (c) => {
  const signup = await c.get("national").signups.find(c.req.valid("param").signupId);
  if (!signup) throw notFound();
  return c.json(presentSignup(signup), 200);
};
