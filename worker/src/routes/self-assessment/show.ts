import { SelfAssessmentView } from "@akrab/contracts";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { TenantEnv } from "../../env.ts";
import { bearerSecurity, jsonResponse, problems } from "../../lib/openapi.ts";
import { presentSelfAssessment } from "../../services/self-assessment.ts";
import { ApplicationParam, visibleApplication } from "../applications/show.ts";
import { mayEditSelfAssessment } from "./access.ts";

export const showSelfAssessmentRoute = createRoute({
  method: "get",
  operationId: "selfAssessment.show",
  path: "/api/v1/t/{tenant}/applications/{applicationId}/self-assessment",
  tags: ["Self-assessment"],
  summary: "The whole self-assessment (Formulir A/B): instrument, answers, evidence, progress and the score estimate",
  description:
    "Read by the LKS's operators, the tenant's Dinsos and BALKS. The instrument is the one pinned at the first submission, or before it the one that applies now. `estimate` is the domain's scoring of the LKS's own levels: a *perkiraan*, not a result, under weights that are a configurable default.",
  security: bearerSecurity,
  request: { params: ApplicationParam },
  responses: { 200: jsonResponse(SelfAssessmentView, "The self-assessment"), ...problems(401, 404) },
});

export const showSelfAssessment: RouteHandler<typeof showSelfAssessmentRoute, TenantEnv> = async (c) => {
  const app = await visibleApplication(c, c.req.valid("param").applicationId);
  return c.json(await presentSelfAssessment(c.get("scope"), app, await mayEditSelfAssessment(c, app)), 200);
};
