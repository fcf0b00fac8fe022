import { SelfAssessmentAnswer, SelfAssessmentBatch } from "@akrab/contracts";
import { createRoute, z, type RouteHandler } from "@hono/zod-openapi";
import type { TenantEnv } from "../../env.ts";
import { bearerSecurity, jsonBody, jsonResponse, problems } from "../../lib/openapi.ts";
import { Problem } from "../../middleware/problem/index.ts";
import { ApplicationParam } from "../applications/show.ts";
import { writableApplication } from "./access.ts";
import { saveAnswers } from "./write.ts";

export const saveAnswersRoute = createRoute({
  method: "put",
  operationId: "selfAssessment.saveAnswers",
  path: "/api/v1/t/{tenant}/applications/{applicationId}/self-assessment/answers",
  tags: ["Self-assessment"],
  summary: "Save several answers at once, all or none (what the device's outbox sends)",
  description:
    "Each answer as in `selfAssessment.saveAnswer`. A replayed batch changes nothing: answers already stored as sent are left alone (and an Idempotency-Key returns the first answer). A conflict on any answer saves none and lists each field as `answers[code].field` with both values.",
  security: bearerSecurity,
  request: { params: ApplicationParam, body: jsonBody(SelfAssessmentBatch) },
  responses: {
    200: jsonResponse(
      z.object({ answers: z.array(SelfAssessmentAnswer) }).openapi("SelfAssessmentAnswers"),
      "The answers sent, as stored",
    ),
    ...problems(400, 401, 403, 404, 409),
  },
});

export const saveAnswersBatch: RouteHandler<typeof saveAnswersRoute, TenantEnv> = async (c) => {
  const app = await writableApplication(c, c.req.valid("param").applicationId);
  const { answers } = c.req.valid("json");
  const codes = answers.map((a) => a.indicator);
  if (new Set(codes).size < codes.length)
    throw new Problem("validation", "Satu indikator dikirim dua kali / An indicator is sent twice", {
      errors: codes.flatMap((code, i) =>
        codes.indexOf(code) !== i
          ? [
              {
                path: `answers.${i}.indicator`,
                message: `${code} sudah ada di kiriman ini / ${code} is already in this batch`,
              },
            ]
          : [],
      ),
    });
  const saved = await saveAnswers(c, app, answers, true);
  return c.json({ answers: saved }, 200);
};
