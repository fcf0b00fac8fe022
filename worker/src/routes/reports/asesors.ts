import { AsesorReport, ReportQuery } from "@akrab/contracts";
import { NATIONAL_READERS } from "@akrab/domain";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { NationalEnv } from "../../env.ts";
import { bearerSecurity, jsonResponse, problems } from "../../lib/openapi.ts";
import { national } from "../../middleware/national/index.ts";
import { asesorReport } from "../../services/reports.ts";
import { freshNationalReports } from "./access.ts";

/** National only: asesors are BALKS's, and their names are not a Dinsos's to compare. */
export const nationalAsesorsRoute = createRoute({
  method: "get",
  operationId: "reports.nationalAsesors",
  path: "/api/v1/national/reports/asesors",
  tags: ["Reports"],
  summary:
    "Asesor work: assignments per asesor, visits per month, time from assignment to visit to decision, flags per pair",
  description:
    "Over the period (`from`, `to`; the last twelve months by default). Durations are medians in days from the applications' step events. `pairs`: reconciliation flags per asesor pair over the period (reconciliations together, indicators flagged between the two, share), each with its list.",
  security: bearerSecurity,
  middleware: [national({ roles: NATIONAL_READERS }), freshNationalReports] as const,
  request: { query: ReportQuery },
  responses: { 200: jsonResponse(AsesorReport, "Asesor work"), ...problems(400, 401, 404) },
});

export const nationalAsesors: RouteHandler<typeof nationalAsesorsRoute, NationalEnv> = async (c) =>
  c.json(await asesorReport(c.get("national").reports, c.req.valid("query")), 200);
