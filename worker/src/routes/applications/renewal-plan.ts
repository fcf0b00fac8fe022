import { RenewalPlanView } from "@akrab/contracts";
import { ownershipGroup } from "@akrab/domain";
import { createRoute, z, type RouteHandler } from "@hono/zod-openapi";
import type { TenantEnv } from "../../env.ts";
import { bearerSecurity, jsonResponse, problems } from "../../lib/openapi.ts";
import { TenantParam } from "../../lib/params.ts";
import { notFound } from "../../middleware/problem/index.ts";
import { presentRenewalPlan, renewalSource } from "../../services/renewal.ts";

export const renewalPlanRoute = createRoute({
  method: "get",
  operationId: "applications.renewalPlan",
  path: "/api/v1/t/{tenant}/lks/{lksId}/renewal-plan",
  tags: ["Applications"],
  summary:
    "What a renewal of this LKS would start from now: its last cycle, the letter fields and documents carried over",
  description:
    "The last cycle is the application of the LKS's latest certificate. `documents` are linked again without re-uploading when a renewal is created; `left` says why each other document of that cycle is not. `suggested` is true when the certificate ends within 180 days or has ended. Read in the LKS's own tenant, by whoever may see the LKS there.",
  security: bearerSecurity,
  request: { params: TenantParam.extend({ lksId: z.string().min(1).max(64) }) },
  responses: { 200: jsonResponse(RenewalPlanView, "The renewal's starting point"), ...problems(401, 404) },
});

export const renewalPlan: RouteHandler<typeof renewalPlanRoute, TenantEnv> = async (c) => {
  const scope = c.get("scope");
  const lks = await scope.lks.findOwn(c.req.valid("param").lksId);
  if (!lks) throw notFound();
  const checklist = await scope.applications.checklist("renewal", ownershipGroup(lks.ownership));
  return c.json(presentRenewalPlan(await renewalSource(scope, lks, checklist), checklist), 200);
};
