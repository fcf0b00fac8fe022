import { PipelineReport, ReportQuery } from "@akrab/contracts";
import { NATIONAL_READERS } from "@akrab/domain";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { NationalEnv, TenantEnv } from "../../env.ts";
import { bearerSecurity, jsonResponse, problems } from "../../lib/openapi.ts";
import { TenantParam } from "../../lib/params.ts";
import { national } from "../../middleware/national/index.ts";
import { pipelineReport } from "../../services/reports.ts";
import { dinsosReaders, freshNationalReports, freshTenantReports } from "./access.ts";

const description =
  "Open applications per workflow step with how long they have waited (median, 90th percentile, longest) and how many are past their SLA; SLA breaches per tenant and step; returns for revision and their reasons; decisions per month against the national target of 3,000 accreditations a year. Waiting times are live; monthly figures are as of `dataAsOf`.";

export const nationalPipelineRoute = createRoute({
  method: "get",
  operationId: "reports.nationalPipeline",
  path: "/api/v1/national/reports/pipeline",
  tags: ["Reports"],
  summary: "National pipeline: waiting per step, SLA breaches, returns, throughput",
  description,
  security: bearerSecurity,
  middleware: [national({ roles: NATIONAL_READERS }), freshNationalReports] as const,
  request: { query: ReportQuery },
  responses: { 200: jsonResponse(PipelineReport, "Pipeline"), ...problems(400, 401, 404) },
});

export const nationalPipeline: RouteHandler<typeof nationalPipelineRoute, NationalEnv> = async (c) =>
  c.json(await pipelineReport(c.get("national").reports, c.req.valid("query")), 200);

export const tenantPipelineRoute = createRoute({
  method: "get",
  operationId: "reports.tenantPipeline",
  path: "/api/v1/t/{tenant}/reports/pipeline",
  tags: ["Reports"],
  summary: "Pipeline of a tenant: a province over its kab/kota, a kab/kota over itself",
  description,
  security: bearerSecurity,
  middleware: [dinsosReaders, freshTenantReports] as const,
  request: { params: TenantParam, query: ReportQuery },
  responses: { 200: jsonResponse(PipelineReport, "Pipeline"), ...problems(400, 401, 404) },
});

export const tenantPipeline: RouteHandler<typeof tenantPipelineRoute, TenantEnv> = async (c) =>
  c.json(await pipelineReport(c.get("scope").reports, c.req.valid("query")), 200);
