import { ReconciliationReportWrite, ReconciliationView } from "@akrab/contracts";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { NationalWriteEnv } from "../../env.ts";
import { bearerSecurity, jsonBody, jsonResponse, problems } from "../../lib/openapi.ts";
import { national } from "../../middleware/national/index.ts";
import { refused } from "../../services/reconciliation.ts";
import { TeamAssignmentParam } from "./access.ts";
import { forWrite, saveSheet } from "./save.ts";

export const reportRoute = createRoute({
  method: "put",
  operationId: "me.reconciliationReport",
  path: "/api/v1/me/assignments/{assignmentId}/reconciliation/report",
  tags: ["Decisions"],
  summary: "The lead writes the strengths and recommendations the team signs with the sheet",
  description:
    "Part of the reconciled sheet: a change clears every signature (what was signed is no longer what stands). Only the lead. `expectedVersion` is the sheet's version (409 when stale). Send an Idempotency-Key.",
  security: bearerSecurity,
  middleware: [national({ roles: ["asesor"], write: true })] as const,
  request: { params: TeamAssignmentParam, body: jsonBody(ReconciliationReportWrite) },
  responses: { 200: jsonResponse(ReconciliationView, "The sheet with the text"), ...problems(400, 401, 404, 409) },
});

export const writeReport: RouteHandler<typeof reportRoute, NationalWriteEnv> = async (c) => {
  const { strengths, recommendations, expectedVersion } = c.req.valid("json");
  const at = await forWrite(c, c.req.valid("param").assignmentId, expectedVersion);
  const { sheet } = at.state;
  if (at.asesorId !== sheet.lead)
    throw refused([
      {
        field: "asesorId",
        text: {
          id: "Hanya ketua tim yang menulis kekuatan dan rekomendasi",
          en: "Only the team lead writes the strengths and recommendations",
        },
      },
    ]);
  const changed = strengths !== at.state.strengths || recommendations !== at.state.recommendations;
  // Signatures cover the text too: a change is a new sheet to sign; the same text again changes nothing.
  const next = { sheet: changed ? { ...sheet, signatures: {} } : sheet, strengths, recommendations };
  return c.json(await saveSheet(c, at, next, "report_written", { changed }), 200);
};
