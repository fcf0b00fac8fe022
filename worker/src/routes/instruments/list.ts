import { InstrumentList, InstrumentListQuery } from "@akrab/contracts";
import { INSTRUMENT_READERS } from "@akrab/domain";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { NationalEnv } from "../../env.ts";
import { bearerSecurity, jsonResponse, problems } from "../../lib/openapi.ts";
import { national } from "../../middleware/national/index.ts";
import { presentSummary } from "../../services/instruments.ts";

export const listInstrumentsRoute = createRoute({
  method: "get",
  operationId: "instruments.list",
  path: "/api/v1/national/instruments",
  tags: ["Instruments"],
  summary: "Every instrument version, drafts and published, newest first (BALKS, asesor, national viewer)",
  security: bearerSecurity,
  middleware: [national({ roles: INSTRUMENT_READERS })] as const,
  request: { query: InstrumentListQuery },
  responses: { 200: jsonResponse(InstrumentList, "Instrument versions"), ...problems(400, 401, 404) },
});

export const listInstruments: RouteHandler<typeof listInstrumentsRoute, NationalEnv> = async (c) => {
  const rows = await c.get("national").instruments.list(c.req.valid("query"));
  return c.json({ items: rows.map(presentSummary) }, 200);
};
