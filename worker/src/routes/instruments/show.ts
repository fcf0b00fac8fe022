import { InstrumentDetail } from "@akrab/contracts";
import { INSTRUMENT_READERS } from "@akrab/domain";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { NationalEnv } from "../../env.ts";
import { bearerSecurity, jsonResponse, problems } from "../../lib/openapi.ts";
import { national } from "../../middleware/national/index.ts";
import { notFound } from "../../middleware/problem/index.ts";
import { presentInstrument } from "../../services/instruments.ts";
import { InstrumentParam } from "./params.ts";

export const showInstrumentRoute = createRoute({
  method: "get",
  operationId: "instruments.show",
  path: "/api/v1/national/instruments/{instrumentId}",
  tags: ["Instruments"],
  summary: "One instrument version with its standards, aspects, indicators and grade rules",
  security: bearerSecurity,
  middleware: [national({ roles: INSTRUMENT_READERS })] as const,
  request: { params: InstrumentParam },
  responses: { 200: jsonResponse(InstrumentDetail, "The version"), ...problems(401, 404) },
});

export const showInstrument: RouteHandler<typeof showInstrumentRoute, NationalEnv> = async (c) => {
  const row = await c.get("national").instruments.find(c.req.valid("param").instrumentId);
  if (!row) throw notFound();
  return c.json(presentInstrument(row), 200);
};
