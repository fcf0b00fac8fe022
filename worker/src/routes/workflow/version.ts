import { WorkflowVersion } from "@akrab/contracts";
import { createRoute, z, type RouteHandler } from "@hono/zod-openapi";
import type { TenantEnv } from "../../env.ts";
import { bearerSecurity, jsonResponse, problems } from "../../lib/openapi.ts";
import { TenantParam } from "../../lib/params.ts";
import { notFound } from "../../middleware/problem/index.ts";

export const getVersionRoute = createRoute({
  method: "get",
  operationId: "workflow.version",
  path: "/api/v1/t/{tenant}/workflow/versions/{version}",
  tags: ["Workflow"],
  summary: "One published version of the tenant's workflow (read-only)",
  security: bearerSecurity,
  request: { params: TenantParam.extend({ version: z.coerce.number().int().min(1) }) },
  responses: { 200: jsonResponse(WorkflowVersion, "The version"), ...problems(400, 401, 404) },
});

export const getVersion: RouteHandler<typeof getVersionRoute, TenantEnv> = async (c) => {
  const found = await c.get("scope").applications.workflowVersion(c.req.valid("param").version);
  if (!found) throw notFound();
  return c.json({ version: found.version, regional: found.regional, publishedAt: found.publishedAt }, 200);
};
