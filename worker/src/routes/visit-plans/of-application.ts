import { VisitPlanOfApplication } from "@akrab/contracts";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { NationalEnv } from "../../env.ts";
import { bearerSecurity, jsonResponse, problems } from "../../lib/openapi.ts";
import { national } from "../../middleware/national/index.ts";
import { applicationForTeam } from "../../services/asesors.ts";
import { presentPlan } from "../../services/visit-plans.ts";
import { TeamParam } from "../asesors/params.ts";
import { PLAN_READERS } from "./params.ts";

export const applicationVisitPlanRoute = createRoute({
  method: "get",
  operationId: "visitPlans.ofApplication",
  path: "/api/v1/national/applications/{tenant}/{applicationId}/visit-plan",
  tags: ["Visit plans"],
  summary: "The active visit plan that includes this application, or null (BALKS's team page)",
  security: bearerSecurity,
  middleware: [national({ roles: PLAN_READERS })] as const,
  request: { params: TeamParam },
  responses: { 200: jsonResponse(VisitPlanOfApplication, "The plan, or null"), ...problems(400, 401, 404) },
});

export const applicationVisitPlan: RouteHandler<typeof applicationVisitPlanRoute, NationalEnv> = async (c) => {
  const scope = c.get("national");
  const { tenant, applicationId } = c.req.valid("param");
  const found = await applicationForTeam(scope, tenant, applicationId);
  const [stop] = await scope.visitPlans.activeStops([found.application.id]);
  const plan = stop ? await scope.visitPlans.find(stop.planId) : null;
  return c.json({ plan: plan ? await presentPlan(scope.visitPlans, plan) : null }, 200);
};
