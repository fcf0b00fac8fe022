import { VisitPlan, VisitPlanCreate } from "@akrab/contracts";
import { jakartaDay, stopChanges } from "@akrab/domain";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { NationalWriteEnv } from "../../env.ts";
import { audit } from "../../lib/audit.ts";
import { bearerSecurity, jsonBody, jsonResponse, problems } from "../../lib/openapi.ts";
import { national } from "../../middleware/national/index.ts";
import {
  alreadyPlanned,
  planNotFound,
  presentPlan,
  resolveStops,
  routeTeamNames,
  tellStops,
} from "../../services/visit-plans.ts";
import { PLANNERS } from "./params.ts";

export const createVisitPlanRoute = createRoute({
  method: "post",
  operationId: "visitPlans.create",
  path: "/api/v1/national/visit-plans",
  tags: ["Visit plans"],
  summary: "Plan a visit route: one or more applications, a date each, for the team they share (BALKS secretariat)",
  description: [
    "Each application must be open at asesor assignment (with its full team accepted) or at the visit, share the route's accepted team, be in no other active plan, and not be visited in the past; every problem names its stop.",
    "The LKS's operators and its Dinsos staff are told the date by email and in the app, once. Send an Idempotency-Key: a retry never plans or tells twice.",
  ].join(" "),
  security: bearerSecurity,
  middleware: [national({ roles: PLANNERS, write: true })] as const,
  request: { body: jsonBody(VisitPlanCreate) },
  responses: { 201: jsonResponse(VisitPlan, "The new plan"), ...problems(400, 401, 404) },
});

export const createVisitPlan: RouteHandler<typeof createVisitPlanRoute, NationalWriteEnv> = async (c) => {
  const scope = c.get("national");
  const { stops, notes } = c.req.valid("json");
  const resolved = await resolveStops(scope, stops, { planId: null, today: jakartaDay(), keptDates: new Map() });
  const created = scope.write.visitPlans.create({
    notes: notes ?? null,
    createdBy: c.get("principal").user.id,
    stops: resolved.map((r) => ({
      applicationId: r.found.application.id,
      tenantId: r.found.tenant.id,
      visitDate: r.input.date,
    })),
  });
  const after = new Map(resolved.map((r) => [r.found.application.id, r.input.date]));
  const told = await tellStops(
    scope,
    stopChanges(new Map(), after),
    new Map(resolved.map((r) => [r.found.application.id, r.place])),
    await routeTeamNames(scope, [...after.keys()]),
    new URL(c.req.url).origin,
  );
  await scope.write
    .batch([
      ...created.writes,
      ...told,
      audit(c, {
        action: "visit_plan.created",
        tenantId: null,
        targetType: "visit_plan",
        targetId: created.row.id,
        data: { stops: [...after].map(([applicationId, date]) => ({ applicationId, date })) },
      }),
    ])
    .catch(alreadyPlanned);
  const plan = await scope.visitPlans.find(created.row.id);
  if (!plan) throw planNotFound();
  return c.json(await presentPlan(scope.visitPlans, plan), 201);
};
