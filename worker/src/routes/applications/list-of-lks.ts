import { LksApplications } from "@akrab/contracts";
import { stepOf } from "@akrab/domain";
import { createRoute, z, type RouteHandler } from "@hono/zod-openapi";
import type { TenantEnv } from "../../env.ts";
import { bearerSecurity, jsonResponse, problems } from "../../lib/openapi.ts";
import { TenantParam } from "../../lib/params.ts";
import { notFound } from "../../middleware/problem/index.ts";

export const listOfLksRoute = createRoute({
  method: "get",
  operationId: "applications.listOfLks",
  path: "/api/v1/t/{tenant}/lks/{lksId}/applications",
  tags: ["Applications"],
  summary: "Every accreditation application of one LKS, newest first (the open one, if any, is marked)",
  security: bearerSecurity,
  request: { params: TenantParam.extend({ lksId: z.string().min(1).max(64) }) },
  responses: {
    200: jsonResponse(LksApplications, "Applications"),
    ...problems(401, 404),
  },
});

export const listOfLks: RouteHandler<typeof listOfLksRoute, TenantEnv> = async (c) => {
  const scope = c.get("scope");
  const { lksId } = c.req.valid("param");
  if (!(await scope.lks.find(lksId))) throw notFound();
  const rows = await scope.applications.ofLks(lksId);
  const definitions = new Map(
    (await scope.applications.definitionsOf(scope.readableTenantIds)).map((d) => [d.version, d.definition]),
  );
  return c.json(
    {
      items: rows.map((a) => ({
        id: a.id,
        kind: a.kind,
        step: {
          id: a.step,
          label: stepOf(definitions.get(a.workflowVersion) ?? { start: "", steps: [], transitions: [] }, a.step)
            ?.label ?? { id: a.step, en: a.step },
        },
        open: a.open === 1,
        version: a.version,
        createdAt: a.createdAt,
        submittedAt: a.submittedAt,
      })),
    },
    200,
  );
};
