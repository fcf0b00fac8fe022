import { PreviousCycleView } from "@akrab/contracts";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { TenantEnv } from "../../env.ts";
import { bearerSecurity, jsonResponse, problems } from "../../lib/openapi.ts";
import { previousCycleOf } from "../../services/self-assessment.ts";
import { ApplicationParam, visibleApplication } from "../applications/show.ts";

export const previousCycleRoute = createRoute({
  method: "get",
  operationId: "selfAssessment.previousCycle",
  path: "/api/v1/t/{tenant}/applications/{applicationId}/self-assessment/previous-cycle",
  tags: ["Self-assessment"],
  summary: "A re-accreditation beside the LKS's previous completed cycle, indicator by indicator",
  description:
    "The previous cycle is the LKS's newest earlier application that reached BALKS's decision. Each cycle is scored on its own pinned instrument; indicators are paired across versions through the code map (a renumbered indicator is one row). Without an earlier completed cycle, `previous` is null and `rows` empty. Whoever sees the application reads it.",
  security: bearerSecurity,
  request: { params: ApplicationParam },
  responses: { 200: jsonResponse(PreviousCycleView, "The two cycles side by side"), ...problems(401, 404) },
});

export const showPreviousCycle: RouteHandler<typeof previousCycleRoute, TenantEnv> = async (c) => {
  const app = await visibleApplication(c, c.req.valid("param").applicationId);
  return c.json(await previousCycleOf(c.get("scope"), app), 200);
};
