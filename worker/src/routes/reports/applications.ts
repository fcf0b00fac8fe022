import { ReportApplicationsPage, ReportApplicationsQuery } from "@akrab/contracts";
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
  "The applications a pipeline or asesor figure counts, cursor-paginated, under the figure's `drill.query`: open applications waiting in a step (`step`, `overdue`, `tenant`; longest waiting first), the decisions, visits or returns of a month or period (`decidedMonth` with `outcome`, `visitedMonth`, `returned` with `from`/`to` and `reason`), or an asesor's assignments (`asesor`). One row per thing counted, read with the same rules as the figure, so the list has the figure's number of rows.";

async function page(reads: ReportReads, query: ReturnType<typeof ReportApplicationsQuery.parse>) {
  const { cursor, limit, ...filter } = query;
  const [result, freshness] = await Promise.all([
    reads.applications(filter, { cursor, limit }, new Date().toISOString()),
    reads.freshness(),
  ]);
  if (!result) throw unknownCursor();
  const at = freshness.computedAt ?? new Date().toISOString();
  return { ...result, dataAsOf: at, dataAsOfText: dataAsOf(at) };
}

export const nationalReportApplicationsRoute = createRoute({
  method: "get",
  operationId: "reports.nationalApplications",
  path: "/api/v1/national/reports/applications",
  tags: ["Reports"],
  summary: "National: the applications behind a pipeline or asesor figure",
  description,
  security: bearerSecurity,
  middleware: [national({ roles: NATIONAL_READERS }), freshNationalReports] as const,
  request: { query: ReportApplicationsQuery },
  responses: { 200: jsonResponse(ReportApplicationsPage, "One page of applications"), ...problems(400, 401, 404) },
});

export const nationalReportApplications: RouteHandler<typeof nationalReportApplicationsRoute, NationalEnv> = async (
  c,
) => c.json(await page(c.get("national").reports, c.req.valid("query")), 200);

export const tenantReportApplicationsRoute = createRoute({
  method: "get",
  operationId: "reports.tenantApplications",
  path: "/api/v1/t/{tenant}/reports/applications",
  tags: ["Reports"],
  summary: "A tenant: the applications behind a pipeline figure",
  description,
  security: bearerSecurity,
  middleware: [dinsosReaders, freshTenantReports] as const,
  request: { params: TenantParam, query: ReportApplicationsQuery },
  responses: { 200: jsonResponse(ReportApplicationsPage, "One page of applications"), ...problems(400, 401, 404) },
});

export const tenantReportApplications: RouteHandler<typeof tenantReportApplicationsRoute, TenantEnv> = async (c) =>
  c.json(await page(c.get("scope").reports, c.req.valid("query")), 200);
