import { TenantSetup } from "@akrab/contracts";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { TenantEnv } from "../../env.ts";
import { bearerSecurity, jsonResponse, problems } from "../../lib/openapi.ts";
import { TenantParam } from "../../lib/params.ts";
import { requireTenantRole } from "../../middleware/tenant/index.ts";
import { presentTenantSetup } from "./present.ts";

export const getSetupRoute = createRoute({
  method: "get",
  operationId: "tenantSetup.get",
  path: "/api/v1/t/{tenant}/setup",
  tags: ["Tenant administration"],
  summary: "The setup list of a new Dinsos: profile and logo, colleagues, workflow review (tenant admins)",
  security: bearerSecurity,
  middleware: [requireTenantRole("tenant_admin")] as const,
  request: { params: TenantParam },
  responses: { 200: jsonResponse(TenantSetup, "Setup list"), ...problems(401, 403, 404) },
});

export const getSetup: RouteHandler<typeof getSetupRoute, TenantEnv> = async (c) =>
  c.json(await presentTenantSetup(c.get("scope")), 200);
