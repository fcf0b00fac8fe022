import { ReconciliationSign, ReconciliationView } from "@akrab/contracts";
import { signSheet } from "@akrab/domain";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { NationalWriteEnv } from "../../env.ts";
import { bearerSecurity, jsonBody, jsonResponse, problems } from "../../lib/openapi.ts";
import { national } from "../../middleware/national/index.ts";
import { refused } from "../../services/reconciliation.ts";
import { TeamAssignmentParam } from "./access.ts";
import { forWrite, saveSheet } from "./save.ts";

export const signRoute = createRoute({
  method: "post",
  operationId: "me.reconciliationSign",
  path: "/api/v1/me/assignments/{assignmentId}/reconciliation/sign",
  tags: ["Decisions"],
  summary: "A team member signs the reconciled sheet (their name and the time are kept)",
  description:
    "Refused (400, naming each indicator) while a flagged indicator has no proposal agreed by every member. Any later proposal, answer or change of the text clears all signatures. `expectedVersion` is the sheet's version (409 when stale). Send an Idempotency-Key.",
  security: bearerSecurity,
  middleware: [national({ roles: ["asesor"], write: true })] as const,
  request: { params: TeamAssignmentParam, body: jsonBody(ReconciliationSign) },
  responses: { 200: jsonResponse(ReconciliationView, "The sheet with the signature"), ...problems(400, 401, 404, 409) },
});

export const sign: RouteHandler<typeof signRoute, NationalWriteEnv> = async (c) => {
  const at = await forWrite(c, c.req.valid("param").assignmentId, c.req.valid("json").expectedVersion);
  const step = signSheet(at.state.sheet, at.asesorId, new Date().toISOString());
  if (!step.sheet) throw refused(step.problems);
  return c.json(await saveSheet(c, at, { sheet: step.sheet }, "signed", {}), 200);
};
