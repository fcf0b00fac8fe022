import { ReportLksPage, ReportLksQuery } from "@akrab/contracts";
import type { ReportReads } from "@akrab/db";
import { NATIONAL_READERS, dataAsOf } from "@akrab/domain";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { NationalEnv, TenantEnv } from "../../env.ts";
import { bearerSecurity, jsonResponse, problems } from "../../lib/openapi.ts";
import { TenantParam } from "../../lib/params.ts";
import { national } from "../../middleware/national/index.ts";
import { unknownCursor } from "../../middleware/problem/index.ts";
import { dinsosReaders, freshNationalReports, freshTenantReports } from "./access.ts";

const description =
  "The LKS a coverage figure counts, by name, cursor-paginated: the same filters as the report (a figure's `drill.query`), read from the same roll-up, so the list and the number always agree.";

async function page(reads: ReportReads, query: LksQuery) {
  const { cursor, limit, from: _f, to: _t, ...filter } = query;
  const [result, freshness] = await Promise.all([reads.lks(filter, { cursor, limit }), reads.freshness()]);
  if (!result) throw unknownCursor();
  const at = freshness.computedAt ?? new Date().toISOString();
  return { ...result, dataAsOf: at, dataAsOfText: dataAsOf(at) };
}
type LksQuery = ReturnType<typeof ReportLksQuery.parse>;

export const nationalReportLksRoute = createRoute({
  method: "get",
  operationId: "reports.nationalLks",
  path: "/api/v1/national/reports/lks",
  tags: ["Reports"],
  summary: "National: the LKS behind a coverage figure",
  description,
  security: bearerSecurity,
  middleware: [national({ roles: NATIONAL_READERS }), freshNationalReports] as const,
  request: { query: ReportLksQuery },
  responses: { 200: jsonResponse(ReportLksPage, "One page of LKS"), ...problems(400, 401, 404) },
});

export const nationalReportLks: RouteHandler<typeof nationalReportLksRoute, NationalEnv> = async (c) =>
  c.json(await page(c.get("national").reports, c.req.valid("query")), 200);

export const tenantReportLksRoute = createRoute({
  method: "get",
  operationId: "reports.tenantLks",
  path: "/api/v1/t/{tenant}/reports/lks",
  tags: ["Reports"],
  summary: "A tenant: the LKS behind a coverage figure",
  description,
  security: bearerSecurity,
  middleware: [dinsosReaders, freshTenantReports] as const,
  request: { params: TenantParam, query: ReportLksQuery },
  responses: { 200: jsonResponse(ReportLksPage, "One page of LKS"), ...problems(400, 401, 404) },
});

export const tenantReportLks: RouteHandler<typeof tenantReportLksRoute, TenantEnv> = async (c) =>
  c.json(await page(c.get("scope").reports, c.req.valid("query")), 200);
