import { VisitPlan, VisitPlanCancel } from "@akrab/contracts";
import { isGuardAbort } from "@akrab/db";
import { stopChanges } from "@akrab/domain";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { NationalWriteEnv } from "../../env.ts";
import { audit } from "../../lib/audit.ts";
import { bearerSecurity, jsonBody, jsonResponse, problems } from "../../lib/openapi.ts";
import { national } from "../../middleware/national/index.ts";
import { planChanged, planNotFound, placesOf, presentPlan, tellStops } from "../../services/visit-plans.ts";
import { PLANNERS, PlanParam } from "./params.ts";

export const cancelVisitPlanRoute = createRoute({
  method: "post",
  operationId: "visitPlans.cancel",
  path: "/api/v1/national/visit-plans/{planId}/cancel",
  tags: ["Visit plans"],
  summary: "Cancel a plan (BALKS secretariat): every stop is told, and its application may be planned again",
  description:
    "`expectedVersion` must be the plan's current version, or the answer is 409 and nothing changes. Send an Idempotency-Key.",
  security: bearerSecurity,
  middleware: [national({ roles: PLANNERS, write: true })] as const,
  request: { params: PlanParam, body: jsonBody(VisitPlanCancel) },
  responses: { 200: jsonResponse(VisitPlan, "The cancelled plan"), ...problems(400, 401, 404, 409) },
});

export const cancelVisitPlan: RouteHandler<typeof cancelVisitPlanRoute, NationalWriteEnv> = async (c) => {
  const scope = c.get("national");
  const { planId } = c.req.valid("param");
  const { expectedVersion, reason } = c.req.valid("json");
  const plan = await scope.visitPlans.find(planId);
  if (!plan) throw planNotFound();
  if (plan.status !== "active" || plan.version !== expectedVersion) throw planChanged();
  const old = await scope.visitPlans.stops([planId]);
  const before = new Map(old.map((s) => [s.stop.applicationId, s.stop.visitDate]));
  const told = await tellStops(scope, stopChanges(before, new Map()), placesOf(old), [], new URL(c.req.url).origin);
  const cancel = scope.write.visitPlans.cancel(planId, expectedVersion, reason ?? null);
  await scope.write
    .batch([
      cancel.guarded,
      scope.write.abortIfNothingChanged(),
      ...cancel.rest,
      ...told,
      audit(c, {
        action: "visit_plan.cancelled",
        tenantId: null,
        targetType: "visit_plan",
        targetId: planId,
        data: { reason: reason ?? null },
      }),
    ])
    .catch((error: unknown) => {
      throw isGuardAbort(error) ? planChanged() : error;
    });
  const saved = await scope.visitPlans.find(planId);
  if (!saved) throw planNotFound();
  return c.json(await presentPlan(scope.visitPlans, saved), 200);
};
