import type { TenantEnv } from "../../env.ts";
import {
  nationalReportApplications,
  nationalReportApplicationsRoute,
  tenantReportApplications,
  tenantReportApplicationsRoute,
} from "./applications.ts";
import { nationalAsesors, nationalAsesorsRoute } from "./asesors.ts";
import { createRouter } from "../../lib/router.ts";
import { nationalCoverage, nationalCoverageRoute, tenantCoverage, tenantCoverageRoute } from "./coverage.ts";
import {
  nationalReportExport,
  nationalReportExportRoute,
  tenantReportExport,
  tenantReportExportRoute,
} from "./export.ts";
import { nationalReportLks, nationalReportLksRoute, tenantReportLks, tenantReportLksRoute } from "./lks.ts";
import { nationalPipeline, nationalPipelineRoute, tenantPipeline, tenantPipelineRoute } from "./pipeline.ts";
import { refreshReports, refreshReportsRoute } from "./refresh.ts";
import { publicStatistics, publicStatisticsRoute } from "./statistics.ts";

/** Reports (issue 15): national, per tenant, and the public statistics. Exports last: `{file}` would match the others. */
const publicRoutes = createRouter().openapi(publicStatisticsRoute, publicStatistics);

export const reportRoutes = createRouter<TenantEnv>()
  .route("/", publicRoutes)
  .openapi(nationalCoverageRoute, nationalCoverage)
  .openapi(nationalPipelineRoute, nationalPipeline)
  .openapi(nationalReportLksRoute, nationalReportLks)
  .openapi(nationalReportApplicationsRoute, nationalReportApplications)
  .openapi(nationalAsesorsRoute, nationalAsesors)
  .openapi(refreshReportsRoute, refreshReports)
  .openapi(tenantCoverageRoute, tenantCoverage)
  .openapi(tenantPipelineRoute, tenantPipeline)
  .openapi(tenantReportLksRoute, tenantReportLks)
  .openapi(tenantReportApplicationsRoute, tenantReportApplications)
  .openapi(nationalReportExportRoute, nationalReportExport)
  .openapi(tenantReportExportRoute, tenantReportExport);
