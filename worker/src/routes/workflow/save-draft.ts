import { expectRow } from "@akrab/db";
import { DraftSaved, WorkflowDraft } from "@akrab/contracts";
import { validateRegionalPart } from "@akrab/domain";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { TenantEnv } from "../../env.ts";
import { audit } from "../../lib/audit.ts";
import { bearerSecurity, jsonBody, jsonResponse, problems } from "../../lib/openapi.ts";
import { requireTenantRole } from "../../middleware/tenant/index.ts";
import { TenantParam } from "../../lib/params.ts";

export const saveDraftRoute = createRoute({
  method: "put",
  operationId: "workflow.saveDraft",
  path: "/api/v1/t/{tenant}/workflow/draft",
  tags: ["Workflow"],
  summary: "Save the workflow draft (tenant admins); the answer lists every problem to fix before publishing",
  security: bearerSecurity,
  middleware: [requireTenantRole("tenant_admin")] as const,
  request: { params: TenantParam, body: jsonBody(WorkflowDraft) },
  responses: { 200: jsonResponse(DraftSaved, "Saved"), ...problems(400, 401, 403, 404) },
});

export const saveDraft: RouteHandler<typeof saveDraftRoute, TenantEnv> = async (c) => {
  const db = c.get("db");
  const scope = c.get("scope");
  const { regional } = c.req.valid("json");
  const latest = expectRow(await scope.applications.latestWorkflow(), "Published workflow");
  const user = c.get("principal").user.id;
  await db.batch([
    scope.applications.saveDraft(regional, latest.version, user),
    audit(c, {
      action: "workflow.draft_saved",
      tenantId: scope.tenant.id,
      targetType: "workflow",
      targetId: scope.tenant.id,
    }),
  ]);
  return c.json({ problems: validateRegionalPart(regional) }, 200);
};
