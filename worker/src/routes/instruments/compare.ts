import { instrumentOfRow } from "@akrab/db";
import { InstrumentCompareQuery, InstrumentComparison } from "@akrab/contracts";
import { INSTRUMENT_READERS, compareVersions } from "@akrab/domain";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { NationalEnv } from "../../env.ts";
import { bearerSecurity, jsonResponse, problems } from "../../lib/openapi.ts";
import { national } from "../../middleware/national/index.ts";
import { notFound } from "../../middleware/problem/index.ts";

export const compareInstrumentsRoute = createRoute({
  method: "get",
  operationId: "instruments.compare",
  path: "/api/v1/national/instruments/compare",
  tags: ["Instruments"],
  summary: "Compare two versions: indicators added, removed and changed (by field), and grade rule changes",
  description:
    "An indicator renumbered in `to` is followed through its lineage code map, so a changed code is one change, not a removal and an addition.",
  security: bearerSecurity,
  middleware: [national({ roles: INSTRUMENT_READERS })] as const,
  request: { query: InstrumentCompareQuery },
  responses: {
    200: jsonResponse(InstrumentComparison, "What changed from `from` to `to`"),
    ...problems(400, 401, 404),
  },
});

export const compareInstruments: RouteHandler<typeof compareInstrumentsRoute, NationalEnv> = async (c) => {
  const { instruments } = c.get("national");
  const { from, to } = c.req.valid("query");
  const [older, newer] = await Promise.all([instruments.find(from), instruments.find(to)]);
  if (!older || !newer) throw notFound("Versi instrumen tidak ditemukan / Instrument version not found");
  return c.json(compareVersions(instrumentOfRow(older), instrumentOfRow(newer)), 200);
};
