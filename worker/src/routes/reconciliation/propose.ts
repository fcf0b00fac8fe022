import { ReconciliationProposalWrite, ReconciliationView } from "@akrab/contracts";
import { proposeLevel } from "@akrab/domain";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { NationalWriteEnv } from "../../env.ts";
import { bearerSecurity, jsonBody, jsonResponse, problems } from "../../lib/openapi.ts";
import { national } from "../../middleware/national/index.ts";
import { refused } from "../../services/reconciliation.ts";
import { TeamIndicatorParam } from "./access.ts";
import { forWrite, saveSheet } from "./save.ts";

export const proposeRoute = createRoute({
  method: "put",
  operationId: "me.reconciliationPropose",
  path: "/api/v1/me/assignments/{assignmentId}/reconciliation/proposals/{indicator}",
  tags: ["Decisions"],
  summary: "The lead proposes the reconciled level of a flagged indicator, with a reason",
  description:
    "Only the lead, only on a flagged indicator, only a level of its rubric, with a reason of at least 10 characters (each refusal a 400 naming the field). A new proposal clears the members' answers to it and every signature. `expectedVersion` is the sheet's version (409 when stale). Send an Idempotency-Key.",
  security: bearerSecurity,
  middleware: [national({ roles: ["asesor"], write: true })] as const,
  request: { params: TeamIndicatorParam, body: jsonBody(ReconciliationProposalWrite) },
  responses: { 200: jsonResponse(ReconciliationView, "The sheet after the proposal"), ...problems(400, 401, 404, 409) },
});

export const propose: RouteHandler<typeof proposeRoute, NationalWriteEnv> = async (c) => {
  const { assignmentId, indicator } = c.req.valid("param");
  const { level, reason, expectedVersion } = c.req.valid("json");
  const at = await forWrite(c, assignmentId, expectedVersion);
  const step = proposeLevel(at.state.sheet, at.state.instrument, at.asesorId, indicator, { level, reason });
  if (!step.sheet) throw refused(step.problems);
  return c.json(await saveSheet(c, at, { sheet: step.sheet }, "proposed", { indicator, level }), 200);
};
