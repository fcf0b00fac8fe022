import { SelfAssessmentAnswer, SelfAssessmentAnswerWrite } from "@akrab/contracts";
import { createRoute, z, type RouteHandler } from "@hono/zod-openapi";
import type { TenantEnv } from "../../env.ts";
import { bearerSecurity, jsonBody, jsonResponse, problems } from "../../lib/openapi.ts";
import { ApplicationParam } from "../applications/show.ts";
import { writableApplication } from "./access.ts";
import { saveAnswers } from "./write.ts";

export const IndicatorParam = ApplicationParam.extend({ indicator: z.string().min(1).max(12) });

export const saveAnswerRoute = createRoute({
  method: "put",
  operationId: "selfAssessment.saveAnswer",
  path: "/api/v1/t/{tenant}/applications/{applicationId}/self-assessment/answers/{indicator}",
  tags: ["Self-assessment"],
  summary: "Save the LKS's answer to one indicator (level and note)",
  description:
    "Only the LKS's operators while the application is with the LKS (draft or revision); others who see it get 403. Name the answer's version you started from in `baseVersion` (0 for a first answer): a save on an older version merges with `base` field by field, and is a 409 with `conflicts` (both values) where someone else changed the same field differently.",
  security: bearerSecurity,
  request: { params: IndicatorParam, body: jsonBody(SelfAssessmentAnswerWrite) },
  responses: { 200: jsonResponse(SelfAssessmentAnswer, "The answer as stored"), ...problems(400, 401, 403, 404, 409) },
});

export const saveAnswer: RouteHandler<typeof saveAnswerRoute, TenantEnv> = async (c) => {
  const { applicationId, indicator } = c.req.valid("param");
  const app = await writableApplication(c, applicationId);
  const [saved] = await saveAnswers(c, app, [{ indicator, ...c.req.valid("json") }], false);
  // A write that changed nothing (the answer already says this) still answers with the stored answer.
  return c.json(saved ?? { indicator, level: null, note: "", version: 0, updatedAt: new Date(0).toISOString() }, 200);
};
