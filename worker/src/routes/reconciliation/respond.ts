import { ReconciliationResponseWrite, ReconciliationView } from "@akrab/contracts";
import { respondToProposal } from "@akrab/domain";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { NationalWriteEnv } from "../../env.ts";
import { bearerSecurity, jsonBody, jsonResponse, problems } from "../../lib/openapi.ts";
import { national } from "../../middleware/national/index.ts";
import { refused } from "../../services/reconciliation.ts";
import { TeamIndicatorParam } from "./access.ts";
import { forWrite, saveSheet } from "./save.ts";

export const respondRoute = createRoute({
  method: "put",
  operationId: "me.reconciliationRespond",
  path: "/api/v1/me/assignments/{assignmentId}/reconciliation/responses/{indicator}",
  tags: ["Decisions"],
  summary: "A team member agrees or disagrees with the lead's proposal (a disagreement says why)",
  description:
    "Only a member who is not the lead, only where there is a proposal; disagreeing needs a `note` (400 naming it otherwise). Any answer clears the signatures. `expectedVersion` is the sheet's version (409 when stale). Send an Idempotency-Key.",
  security: bearerSecurity,
  middleware: [national({ roles: ["asesor"], write: true })] as const,
  request: { params: TeamIndicatorParam, body: jsonBody(ReconciliationResponseWrite) },
  responses: { 200: jsonResponse(ReconciliationView, "The sheet after the answer"), ...problems(400, 401, 404, 409) },
});

export const respond: RouteHandler<typeof respondRoute, NationalWriteEnv> = async (c) => {
  const { assignmentId, indicator } = c.req.valid("param");
  const { agree, note, expectedVersion } = c.req.valid("json");
  const at = await forWrite(c, assignmentId, expectedVersion);
  const step = respondToProposal(at.state.sheet, at.asesorId, indicator, { agree, note });
  if (!step.sheet) throw refused(step.problems);
  return c.json(
    await saveSheet(c, at, { sheet: step.sheet }, agree ? "agreed" : "disagreed", { indicator, note }),
    200,
  );
};
