import { SelfAssessmentStart } from "@akrab/contracts";
import { abortIfNothingChanged, instrumentOfRow } from "@akrab/db";
import { planAnswerCarry } from "@akrab/domain";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { TenantEnv } from "../../env.ts";
import { audit } from "../../lib/audit.ts";
import { staleOnGuardAbort } from "../../lib/guard.ts";
import { bearerSecurity, jsonResponse, problems } from "../../lib/openapi.ts";
import { Problem } from "../../middleware/problem/index.ts";
import { instrumentForApplication, previousCycleApplication } from "../../services/self-assessment.ts";
import { ApplicationParam } from "../applications/show.ts";
import { writableApplication } from "./access.ts";

export const startFromPreviousRoute = createRoute({
  method: "post",
  operationId: "selfAssessment.startFromPrevious",
  path: "/api/v1/t/{tenant}/applications/{applicationId}/self-assessment/start-from-previous",
  tags: ["Self-assessment"],
  summary: "Start an empty self-assessment from the answers of the LKS's previous completed cycle",
  description:
    "Copies each answer (level and note) of the previous cycle (as in …/previous-cycle) whose indicator this application's instrument still has with the same wording and rubric, followed through renumbering; the rest are listed in `left` and stay empty. Only into a self-assessment with no answer yet (409 otherwise), so it happens at most once; each copied answer starts at version 1. Evidence files are not copied. Send an Idempotency-Key: a retry answers as the first call.",
  security: bearerSecurity,
  request: { params: ApplicationParam },
  responses: {
    200: jsonResponse(SelfAssessmentStart, "What was copied and what was left empty"),
    ...problems(401, 403, 404, 409),
  },
});

export const startFromPrevious: RouteHandler<typeof startFromPreviousRoute, TenantEnv> = async (c) => {
  const scope = c.get("scope");
  const db = c.get("db");
  const app = await writableApplication(c, c.req.valid("param").applicationId);
  const previous = await previousCycleApplication(scope, app);
  const previousRow = previous?.instrumentVersionId ? await scope.instruments.find(previous.instrumentVersionId) : null;
  if (!previous || !previousRow)
    throw new Problem(
      "conflict",
      "LKS ini belum memiliki siklus akreditasi sebelumnya untuk disalin / This LKS has no earlier cycle to start from",
    );
  const [{ instrument }, own, earlier] = await Promise.all([
    instrumentForApplication(scope, app),
    scope.selfAssessment.answers(app.id),
    scope.selfAssessment.answers(previous.id),
  ]);
  if (own.length > 0)
    throw new Problem(
      "conflict",
      "Penilaian mandiri sudah berisi jawaban: jawaban siklus lalu hanya disalin ke penilaian yang masih kosong / The self-assessment already has answers: the last cycle's are copied only into an empty one",
    );
  const before = instrumentOfRow(previousRow);
  const plan = planAnswerCarry(before, instrument, earlier);
  const userId = c.get("principal").user.id;
  await db
    .batch([
      audit(c, {
        action: "application.self_assessment_started_from_previous",
        tenantId: app.tenantId,
        targetType: "application",
        targetId: app.id,
        data: { previous: previous.id, copied: plan.copied.length, left: plan.left.length },
      }),
      // Each insert is guarded: an answer saved meanwhile (a racing call, a device's outbox) aborts it all.
      ...plan.copied.flatMap((answer) => [
        scope.selfAssessment.saveAnswer(app.id, answer, 0, userId),
        abortIfNothingChanged(db),
      ]),
    ])
    .catch(staleOnGuardAbort("answer"));
  const copied = new Set(plan.copied.map((a) => a.indicator));
  const answers = (await scope.selfAssessment.answers(app.id))
    .filter((a) => copied.has(a.indicator))
    .map((a) => ({ indicator: a.indicator, level: a.level, note: a.note, version: a.version, updatedAt: a.updatedAt }));
  return c.json(
    {
      previous: { applicationId: previous.id, instrument: { id: before.id, name: before.name } },
      answers,
      left: plan.left,
    },
    200,
  );
};
