import { VisitPlanListQuery, VisitPlanPage } from "@akrab/contracts";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { NationalEnv } from "../../env.ts";
import { bearerSecurity, jsonResponse, problems } from "../../lib/openapi.ts";
import { national } from "../../middleware/national/index.ts";
import { unknownCursor } from "../../middleware/problem/index.ts";
import { presentPlans } from "../../services/visit-plans.ts";
import { PLAN_READERS } from "./params.ts";

export const listVisitPlansRoute = createRoute({
  method: "get",
  operationId: "visitPlans.list",
  path: "/api/v1/national/visit-plans",
  tags: ["Visit plans"],
  summary: "Visit plans by their first day (BALKS, national viewers)",
  description:
    "Filters combine: a date range (plans with a visit within it), a province (plans visiting an LKS there), the status (active unless asked).",
  security: bearerSecurity,
  middleware: [national({ roles: PLAN_READERS })] as const,
  request: { query: VisitPlanListQuery },
  responses: { 200: jsonResponse(VisitPlanPage, "One page of plans"), ...problems(400, 401, 404) },
});

export const listVisitPlans: RouteHandler<typeof listVisitPlansRoute, NationalEnv> = async (c) => {
  const { cursor, limit, status, ...filter } = c.req.valid("query");
  const reads = c.get("national").visitPlans;
  const page = await reads.list({ ...filter, status: status ?? "active" }, { cursor, limit });
  if (!page) throw unknownCursor();
  return c.json({ items: await presentPlans(reads, page.items), nextCursor: page.nextCursor }, 200);
};
