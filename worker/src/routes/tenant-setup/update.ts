import { TenantSetup, TenantSetupUpdate } from "@akrab/contracts";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { TenantEnv } from "../../env.ts";
import { audit } from "../../lib/audit.ts";
import { bearerSecurity, jsonBody, jsonResponse, problems } from "../../lib/openapi.ts";
import { TenantParam } from "../../lib/params.ts";
import { requireTenantRole } from "../../middleware/tenant/index.ts";
import { presentTenantSetup } from "./present.ts";

export const updateSetupRoute = createRoute({
  method: "patch",
  operationId: "tenantSetup.update",
  path: "/api/v1/t/{tenant}/setup",
  tags: ["Tenant administration"],
  summary: "Mark the workflow and checklist reviewed, or hide the setup list (tenant admins)",
  description:
    "Each mark is stamped once: sending it again (a retry, a second admin) keeps the first time and audits nothing.",
  security: bearerSecurity,
  middleware: [requireTenantRole("tenant_admin")] as const,
  request: { params: TenantParam, body: jsonBody(TenantSetupUpdate) },
  responses: { 200: jsonResponse(TenantSetup, "Setup list after the change"), ...problems(400, 401, 403, 404) },
});

export const updateSetup: RouteHandler<typeof updateSetupRoute, TenantEnv> = async (c) => {
  const db = c.get("db");
  const scope = c.get("scope");
  const body = c.req.valid("json");
  let tenant = scope.tenant;
  const marks = [
    ["workflowReviewed", "workflowReviewedAt", "tenant.workflow_reviewed"],
    ["dismissed", "setupDismissedAt", "tenant.setup_dismissed"],
  ] as const;
  for (const [flag, field, action] of marks) {
    if (!body[flag] || tenant[field] !== null) continue;
    const [[updated]] = await db.batch([
      scope.markSetup(field),
      audit(c, { action, tenantId: tenant.id, targetType: "tenant", targetId: tenant.id }),
    ]);
    // Another request stamped it first: keep its time (re-read below), and its audit entry.
    tenant = updated ?? tenant;
  }
  return c.json(await presentTenantSetup(scope, tenant), 200);
};
