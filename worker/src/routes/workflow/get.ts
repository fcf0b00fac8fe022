import { WorkflowState } from "@akrab/contracts";
import { validateRegionalPart } from "@akrab/domain";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { TenantEnv } from "../../env.ts";
import { bearerSecurity, jsonResponse, problems } from "../../lib/openapi.ts";
import { Problem } from "../../middleware/problem/index.ts";
import { TenantParam } from "../../lib/params.ts";

export const getWorkflowRoute = createRoute({
  method: "get",
  operationId: "workflow.get",
  path: "/api/v1/t/{tenant}/workflow",
  tags: ["Workflow"],
  summary: "The tenant's published workflow, its draft with validation problems, and past versions",
  security: bearerSecurity,
  request: { params: TenantParam },
  responses: { 200: jsonResponse(WorkflowState, "Workflow"), ...problems(401, 404) },
});

export const getWorkflow: RouteHandler<typeof getWorkflowRoute, TenantEnv> = async (c) => {
  const store = c.get("scope").applications;
  const [latest, draft, versions] = await Promise.all([
    store.latestWorkflow(),
    store.draft(),
    store.listWorkflowVersions(),
  ]);
  if (!latest) throw new Problem("misconfigured", "Dinsos ini belum memiliki alur kerja / This tenant has no workflow");
  return c.json(
    {
      published: { version: latest.version, regional: latest.regional, publishedAt: latest.publishedAt },
      draft: draft
        ? {
            regional: draft.regional,
            baseVersion: draft.baseVersion,
            updatedAt: draft.updatedAt,
            problems: validateRegionalPart(draft.regional),
          }
        : null,
      versions,
    },
    200,
  );
};
