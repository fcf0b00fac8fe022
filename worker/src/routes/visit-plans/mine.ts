import { VisitPlans } from "@akrab/contracts";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { NationalEnv } from "../../env.ts";
import { bearerSecurity, jsonResponse, problems } from "../../lib/openapi.ts";
import { national } from "../../middleware/national/index.ts";
import { presentPlans } from "../../services/visit-plans.ts";

export const myVisitPlansRoute = createRoute({
  method: "get",
  operationId: "me.visitPlans",
  path: "/api/v1/me/visit-plans",
  tags: ["Visit plans"],
  summary: "The signed-in asesor's active visit plans (routes with a stop whose team they accepted), by first day",
  security: bearerSecurity,
  middleware: [national({ roles: ["asesor"] })] as const,
  responses: { 200: jsonResponse(VisitPlans, "Plans"), ...problems(401, 404) },
});

export const myVisitPlans: RouteHandler<typeof myVisitPlansRoute, NationalEnv> = async (c) => {
  const scope = c.get("national");
  const asesor = await scope.asesors.ofUser(c.get("principal").user);
  if (!asesor) return c.json({ items: [] }, 200);
  const plans = await scope.visitPlans.ofAsesor(asesor.id);
  return c.json({ items: await presentPlans(scope.visitPlans, plans) }, 200);
};
