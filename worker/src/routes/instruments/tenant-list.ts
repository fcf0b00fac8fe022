import { InstrumentDetail, InstrumentList } from "@akrab/contracts";
import { LKS_TYPES } from "@akrab/domain";
import { createRoute, z, type RouteHandler } from "@hono/zod-openapi";
import type { TenantEnv } from "../../env.ts";
import { bearerSecurity, jsonResponse, problems } from "../../lib/openapi.ts";
import { TenantParam } from "../../lib/params.ts";
import { notFound } from "../../middleware/problem/index.ts";
import { presentInstrument, presentSummary } from "../../services/instruments.ts";
import { InstrumentParam } from "./params.ts";

export const tenantInstrumentsRoute = createRoute({
  method: "get",
  operationId: "instruments.published",
  path: "/api/v1/t/{tenant}/instruments",
  tags: ["Instruments"],
  summary: "The published instrument versions, optionally only those for one LKS type (any member of the tenant)",
  security: bearerSecurity,
  request: { params: TenantParam, query: z.object({ lksType: z.enum(LKS_TYPES).optional() }) },
  responses: { 200: jsonResponse(InstrumentList, "Published versions, newest first"), ...problems(400, 401, 404) },
});

export const tenantInstruments: RouteHandler<typeof tenantInstrumentsRoute, TenantEnv> = async (c) => {
  const rows = await c.get("scope").instruments.list({ lksType: c.req.valid("query").lksType });
  return c.json({ items: rows.map(presentSummary) }, 200);
};

export const tenantInstrumentRoute = createRoute({
  method: "get",
  operationId: "instruments.publishedShow",
  path: "/api/v1/t/{tenant}/instruments/{instrumentId}",
  tags: ["Instruments"],
  summary: "One published instrument version with its indicators (drafts are a 404 here)",
  security: bearerSecurity,
  request: { params: TenantParam.merge(InstrumentParam) },
  responses: { 200: jsonResponse(InstrumentDetail, "The version"), ...problems(401, 404) },
});

export const tenantInstrument: RouteHandler<typeof tenantInstrumentRoute, TenantEnv> = async (c) => {
  const row = await c.get("scope").instruments.find(c.req.valid("param").instrumentId);
  if (!row) throw notFound();
  return c.json(presentInstrument(row), 200);
};
