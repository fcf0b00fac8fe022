import { instrumentOfRow, instrumentColumns } from "@akrab/db";
import { InstrumentDetail, InstrumentDraftCreate } from "@akrab/contracts";
import { INSTRUMENT_EDITORS } from "@akrab/domain";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { NationalWriteEnv } from "../../env.ts";
import { audit } from "../../lib/audit.ts";
import { bearerSecurity, jsonBody, jsonResponse, problems } from "../../lib/openapi.ts";
import { national } from "../../middleware/national/index.ts";
import { Problem } from "../../middleware/problem/index.ts";
import { presentInstrument } from "../../services/instruments.ts";

export const createDraftRoute = createRoute({
  method: "post",
  operationId: "instruments.createDraft",
  path: "/api/v1/national/instruments",
  tags: ["Instruments"],
  summary: "Start a draft from a published version (BALKS secretariat)",
  description:
    "The draft copies the published version's standards, indicators and grade rules; it is compared against it and changes until a decider publishes it. Send an Idempotency-Key: a retried request never makes a second draft.",
  security: bearerSecurity,
  middleware: [national({ roles: INSTRUMENT_EDITORS, write: true })] as const,
  request: { body: jsonBody(InstrumentDraftCreate) },
  responses: { 201: jsonResponse(InstrumentDetail, "The new draft"), ...problems(400, 401, 404) },
});

export const createDraft: RouteHandler<typeof createDraftRoute, NationalWriteEnv> = async (c) => {
  const { instruments, write } = c.get("national");
  const { from } = c.req.valid("json");
  const base = await instruments.find(from);
  if (base?.status !== "published") {
    throw new Problem("validation", "Pilih versi yang sudah terbit / Choose a published version", {
      errors: [{ path: "from", message: `Tidak ada versi terbit ${from} / No published version ${from}` }],
    });
  }
  const actor = c.get("principal").user.id;
  const source = instrumentOfRow(base);
  const created = write.instruments.insertDraft(
    { ...instrumentColumns({ ...source, lineage: { from: source.id, codes: {} } }), basedOn: base.id },
    actor,
  );
  await write.batch([
    created.insert,
    audit(c, {
      action: "instrument.draft_created",
      tenantId: null,
      targetType: "instrument",
      targetId: created.row.id,
      data: { from: base.id },
    }),
  ]);
  return c.json(presentInstrument(created.row), 201);
};
