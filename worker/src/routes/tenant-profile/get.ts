import { TenantProfile } from "@akrab/contracts";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { TenantEnv } from "../../env.ts";
import { bearerSecurity, jsonResponse, problems } from "../../lib/openapi.ts";
import { TenantParam } from "../../lib/params.ts";
import { presentTenantProfile } from "./present.ts";

export const getProfileRoute = createRoute({
  method: "get",
  operationId: "tenantProfile.get",
  path: "/api/v1/t/{tenant}/profile",
  tags: ["Tenant administration"],
  summary: "The tenant's (Dinsos') profile",
  security: bearerSecurity,
  request: { params: TenantParam },
  responses: { 200: jsonResponse(TenantProfile, "Profile"), ...problems(401, 404) },
});

export const getProfile: RouteHandler<typeof getProfileRoute, TenantEnv> = async (c) =>
  c.json(await presentTenantProfile(c.get("db"), c.get("scope").tenant), 200);
