import { InstrumentDetail, InstrumentDraftEdit } from "@akrab/contracts";
import { expectRow, instrumentColumns, instrumentOfRow } from "@akrab/db";
import { INSTRUMENT_EDITORS, applyDraftEdit, validateInstrument } from "@akrab/domain";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { NationalWriteEnv } from "../../env.ts";
import { audit } from "../../lib/audit.ts";
import { staleOnGuardAbort } from "../../lib/guard.ts";
import { bearerSecurity, jsonBody, jsonResponse, problems } from "../../lib/openapi.ts";
import { national } from "../../middleware/national/index.ts";
import { Problem, changedMeanwhile, notFound } from "../../middleware/problem/index.ts";
import { invalidInstrument, presentInstrument } from "../../services/instruments.ts";
import { InstrumentParam } from "./params.ts";

export const editDraftRoute = createRoute({
  method: "patch",
  operationId: "instruments.editDraft",
  path: "/api/v1/national/instruments/{instrumentId}",
  tags: ["Instruments"],
  summary: "Edit a draft: add, change or remove indicators, change the grade rules (BALKS secretariat)",
  description: [
    "`put` adds an indicator or replaces the one with its code; `remove` takes indicators out. The draft after the edit",
    "must still be sound (unique codes, full rubrics, weights adding up to 100, bands from the pass mark to 100): otherwise",
    "400 lists every problem and nothing is saved. A published version is never edited (409): start a draft from it.",
    "`expectedVersion` must be the draft's current version (409 otherwise).",
  ].join(" "),
  security: bearerSecurity,
  middleware: [national({ roles: INSTRUMENT_EDITORS, write: true })] as const,
  request: { params: InstrumentParam, body: jsonBody(InstrumentDraftEdit) },
  responses: { 200: jsonResponse(InstrumentDetail, "The draft after the edit"), ...problems(400, 401, 404, 409) },
});

export const publishedIsFinal = () =>
  new Problem(
    "conflict",
    "Versi yang sudah terbit tidak dapat diubah; buat draf baru darinya / A published version never changes; start a draft from it",
  );

export const editDraft: RouteHandler<typeof editDraftRoute, NationalWriteEnv> = async (c) => {
  const { instruments, write } = c.get("national");
  const { expectedVersion, ...edit } = c.req.valid("json");
  const id = c.req.valid("param").instrumentId;
  const row = await instruments.find(id);
  if (!row) throw notFound();
  if (row.status === "published") throw publishedIsFinal();
  if (row.version !== expectedVersion) throw changedMeanwhile("instrument");

  const result = applyDraftEdit(instrumentOfRow(row), edit);
  if (!result.ok) {
    const path = result.reason === "unknown_indicator" ? "remove" : "put";
    throw new Problem("validation", "Periksa kode indikator / Check the indicator codes", {
      errors: result.codes.map((code) => ({
        path: `${path}.${code}`,
        message:
          result.reason === "unknown_indicator"
            ? `Tidak ada indikator ${code} di draf ini / No indicator ${code} in this draft`
            : `Standar atau aspek baru ${code} perlu nama / New standard or aspect ${code} needs a name`,
      })),
    });
  }
  const problems = validateInstrument(result.instrument);
  if (problems.length > 0) throw invalidInstrument(problems);

  const actor = c.get("principal").user.id;
  await write
    .batch([
      write.instruments.updateDraft(id, expectedVersion, instrumentColumns(result.instrument), actor),
      write.abortIfNothingChanged(),
      audit(c, {
        action: "instrument.draft_edited",
        tenantId: null,
        targetType: "instrument",
        targetId: id,
        data: {
          put: edit.put?.map((p) => p.indicator.code) ?? [],
          remove: edit.remove ?? [],
          gradeRules: edit.gradeRules !== undefined,
        },
      }),
    ])
    .catch(staleOnGuardAbort("instrument"));
  return c.json(presentInstrument(expectRow(await instruments.find(id), "Edited draft")), 200);
};
