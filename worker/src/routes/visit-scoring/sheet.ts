import { ScoreSheetBatch, ScoreSheetView } from "@akrab/contracts";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { NationalEnv } from "../../env.ts";
import { bearerSecurity, jsonBody, jsonResponse, problems } from "../../lib/openapi.ts";
import { national } from "../../middleware/national/index.ts";
import { mySheet, myVisit, saveSheetBatch, submitSheet } from "../../services/visit-scoring.ts";
import { AssignmentParam } from "../asesors/params.ts";
import { TAG } from "./params.ts";

const ASESOR = { roles: ["asesor"] } as const;

export const showSheetRoute = createRoute({
  method: "get",
  operationId: "visit.sheet",
  path: "/api/v1/me/assignments/{assignmentId}/sheet",
  tags: [TAG],
  summary: "The asesor's own score sheet for an accepted assignment, as stored, with what keeps it from submission",
  security: bearerSecurity,
  middleware: [national(ASESOR)] as const,
  request: { params: AssignmentParam },
  responses: { 200: jsonResponse(ScoreSheetView, "The sheet"), ...problems(401, 404) },
});

export const showSheet: RouteHandler<typeof showSheetRoute, NationalEnv> = async (c) => {
  const visit = await myVisit(c, c.req.valid("param").assignmentId);
  return c.json(await mySheet(visit), 200);
};

export const saveSheetRoute = createRoute({
  method: "put",
  operationId: "visit.saveSheet",
  path: "/api/v1/me/assignments/{assignmentId}/sheet",
  tags: [TAG],
  summary: "Sync a batch of the device's changes to the sheet: levels and notes, document checks, new findings",
  description: [
    "All or nothing. Each entry and document check carries the version the device started from (`baseVersion`) and, per field it changed, the value it started from (`base`): a newer version on the server merges field by field, and only a field both devices changed differently is a 409 listing `conflicts` with both values (`entries[2.3.4].level`).",
    "A level not in the indicator's rubric, an indicator not in the instrument, a document not on the checklist or a finding of an unknown kind is a 400 naming the field; nothing is saved.",
    "A replayed batch changes nothing (send an Idempotency-Key as well: a retry gets the first answer back). New safeguarding findings alert BALKS and the application's Dinsos once, in-app and by email.",
    "Only the caller's own accepted assignment, while the application is at the visit step and the sheet is not submitted (409 otherwise).",
  ].join(" "),
  security: bearerSecurity,
  middleware: [national(ASESOR)] as const,
  request: { params: AssignmentParam, body: jsonBody(ScoreSheetBatch) },
  responses: { 200: jsonResponse(ScoreSheetView, "The whole sheet after the batch"), ...problems(400, 401, 404, 409) },
});

export const saveSheet: RouteHandler<typeof saveSheetRoute, NationalEnv> = async (c) => {
  const visit = await myVisit(c, c.req.valid("param").assignmentId);
  return c.json(await saveSheetBatch(c, visit, c.req.valid("json")), 200);
};

export const submitSheetRoute = createRoute({
  method: "post",
  operationId: "visit.submitSheet",
  path: "/api/v1/me/assignments/{assignmentId}/sheet/submit",
  tags: [TAG],
  summary: "Submit the sheet: refused (409, listing each blank indicator and unchecked document) until complete",
  description:
    "After submission the sheet is read-only; the team sees each other's sheets once every accepted member has submitted. Submitting again answers with the sheet as submitted.",
  security: bearerSecurity,
  middleware: [national(ASESOR)] as const,
  request: { params: AssignmentParam },
  responses: { 200: jsonResponse(ScoreSheetView, "The submitted sheet"), ...problems(401, 404, 409) },
});

export const submit: RouteHandler<typeof submitSheetRoute, NationalEnv> = async (c) => {
  const visit = await myVisit(c, c.req.valid("param").assignmentId);
  return c.json(await submitSheet(c, visit), 200);
};
