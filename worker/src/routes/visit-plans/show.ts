import { VisitPlan } from "@akrab/contracts";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { NationalEnv } from "../../env.ts";
import { bearerSecurity, jsonResponse, problems } from "../../lib/openapi.ts";
import { national } from "../../middleware/national/index.ts";
import { planNotFound, presentPlan } from "../../services/visit-plans.ts";
import { PLAN_READERS, PlanParam } from "./params.ts";

export const showVisitPlanRoute = createRoute({
  method: "get",
  operationId: "visitPlans.show",
  path: "/api/v1/national/visit-plans/{planId}",
  tags: ["Visit plans"],
  summary: "One visit plan: its route (LKS, date, companions named by each Dinsos), team and notes",
  security: bearerSecurity,
  middleware: [national({ roles: PLAN_READERS })] as const,
  request: { params: PlanParam },
  responses: { 200: jsonResponse(VisitPlan, "The plan"), ...problems(400, 401, 404) },
});

export const showVisitPlan: RouteHandler<typeof showVisitPlanRoute, NationalEnv> = async (c) => {
  const reads = c.get("national").visitPlans;
  const plan = await reads.find(c.req.valid("param").planId);
  if (!plan) throw planNotFound();
  return c.json(await presentPlan(reads, plan), 200);
};
