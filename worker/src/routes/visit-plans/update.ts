import { VisitPlan, VisitPlanUpdate } from "@akrab/contracts";
import { isGuardAbort } from "@akrab/db";
import { jakartaDay, stopChanges } from "@akrab/domain";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { NationalWriteEnv } from "../../env.ts";
import { audit } from "../../lib/audit.ts";
import { bearerSecurity, jsonBody, jsonResponse, problems } from "../../lib/openapi.ts";
import { national } from "../../middleware/national/index.ts";
import {
  alreadyPlanned,
  planChanged,
  planNotFound,
  placesOf,
  presentPlan,
  resolveStops,
  routeTeamNames,
  tellStops,
} from "../../services/visit-plans.ts";
import { PLANNERS, PlanParam } from "./params.ts";

export const updateVisitPlanRoute = createRoute({
  method: "patch",
  operationId: "visitPlans.update",
  path: "/api/v1/national/visit-plans/{planId}",
  tags: ["Visit plans"],
  summary: "Change a plan's route (stops, dates) and notes (BALKS secretariat)",
  description: [
    "The whole route is sent; the rules of a new plan apply (a day already planned may stay even once past).",
    "Each stop whose date changed, that joined or that left the route is told again, once; an unchanged stop is not.",
    "`expectedVersion` must be the plan's current version, or the answer is 409 and nothing changes. Send an Idempotency-Key.",
  ].join(" "),
  security: bearerSecurity,
  middleware: [national({ roles: PLANNERS, write: true })] as const,
  request: { params: PlanParam, body: jsonBody(VisitPlanUpdate) },
  responses: { 200: jsonResponse(VisitPlan, "The plan after the change"), ...problems(400, 401, 404, 409) },
});

export const updateVisitPlan: RouteHandler<typeof updateVisitPlanRoute, NationalWriteEnv> = async (c) => {
  const scope = c.get("national");
  const { planId } = c.req.valid("param");
  const { stops, notes, expectedVersion } = c.req.valid("json");
  const plan = await scope.visitPlans.find(planId);
  if (!plan) throw planNotFound();
  if (plan.status !== "active" || plan.version !== expectedVersion) throw planChanged();
  const old = await scope.visitPlans.stops([planId]);
  const before = new Map(old.map((s) => [s.stop.applicationId, s.stop.visitDate]));
  const resolved = await resolveStops(scope, stops, { planId, today: jakartaDay(), keptDates: before });
  const after = new Map(resolved.map((r) => [r.found.application.id, r.input.date]));
  const places = new Map([...placesOf(old), ...resolved.map((r) => [r.found.application.id, r.place] as const)]);
  const told = await tellStops(
    scope,
    stopChanges(before, after),
    places,
    await routeTeamNames(scope, [...after.keys()]),
    new URL(c.req.url).origin,
  );
  const update = scope.write.visitPlans.update(planId, expectedVersion, {
    notes: notes ?? null,
    stops: resolved.map((r) => ({
      applicationId: r.found.application.id,
      tenantId: r.found.tenant.id,
      visitDate: r.input.date,
    })),
  });
  await scope.write
    .batch([
      update.guarded,
      scope.write.abortIfNothingChanged(),
      ...update.rest,
      ...told,
      audit(c, {
        action: "visit_plan.updated",
        tenantId: null,
        targetType: "visit_plan",
        targetId: planId,
        data: { stops: [...after].map(([applicationId, date]) => ({ applicationId, date })) },
      }),
    ])
    .catch((error: unknown) => {
      if (isGuardAbort(error)) throw planChanged();
      alreadyPlanned(error);
    });
  const saved = await scope.visitPlans.find(planId);
  if (!saved) throw planNotFound();
  return c.json(await presentPlan(scope.visitPlans, saved), 200);
};
