import { CoverageReport, ReportQuery } from "@akrab/contracts";
import { NATIONAL_READERS } from "@akrab/domain";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { NationalEnv, TenantEnv } from "../../env.ts";
import { bearerSecurity, jsonResponse, problems } from "../../lib/openapi.ts";
import { TenantParam } from "../../lib/params.ts";
import { national } from "../../middleware/national/index.ts";
import { coverageReport } from "../../services/reports.ts";
import { dinsosReaders, freshNationalReports, freshTenantReports } from "./access.ts";

const description =
  "LKS per coverage category (registered … accredited A/B/C … inactive) for the country, each province, each kab/kota and each LKS type. The kab/kota rows come with a `province` or `regency` filter, or for a tenant (the country view needs the provinces; its drill-down asks for one province's kab/kota); a region whose Dinsos is not on Akrab has `counts: null`, not zeros. Each area's `drill` is the query of the LKS list behind it (add `category` for one cell).";

export const nationalCoverageRoute = createRoute({
  method: "get",
  operationId: "reports.nationalCoverage",
  path: "/api/v1/national/reports/coverage",
  tags: ["Reports"],
  summary: "National coverage: where every LKS stands on the way to accreditation",
  description,
  security: bearerSecurity,
  middleware: [national({ roles: NATIONAL_READERS }), freshNationalReports] as const,
  request: { query: ReportQuery },
  responses: { 200: jsonResponse(CoverageReport, "Coverage"), ...problems(400, 401, 404) },
});

export const nationalCoverage: RouteHandler<typeof nationalCoverageRoute, NationalEnv> = async (c) =>
  c.json(await coverageReport(c.get("national").reports, c.req.valid("query")), 200);

export const tenantCoverageRoute = createRoute({
  method: "get",
  operationId: "reports.tenantCoverage",
  path: "/api/v1/t/{tenant}/reports/coverage",
  tags: ["Reports"],
  summary: "Coverage of a tenant: a province over its kab/kota, a kab/kota over itself",
  description,
  security: bearerSecurity,
  middleware: [dinsosReaders, freshTenantReports] as const,
  request: { params: TenantParam, query: ReportQuery },
  responses: { 200: jsonResponse(CoverageReport, "Coverage"), ...problems(400, 401, 404) },
});

export const tenantCoverage: RouteHandler<typeof tenantCoverageRoute, TenantEnv> = async (c) =>
  c.json(await coverageReport(c.get("scope").reports, c.req.valid("query")), 200);
