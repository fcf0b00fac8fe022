import type { TenantEnv } from "../../env.ts";
import { createRouter } from "../../lib/router.ts";
import { propose, proposeRoute } from "./propose.ts";
import { writeReport, reportRoute } from "./report.ts";
import { respond, respondRoute } from "./respond.ts";
import {
  nationalReconciliation,
  nationalReconciliationRoute,
  teamReconciliation,
  teamReconciliationRoute,
} from "./show.ts";
import { sign, signRoute } from "./sign.ts";
import {
  nationalVisitReport,
  nationalVisitReportRoute,
  teamVisitReport,
  teamVisitReportRoute,
  tenantVisitReport,
  tenantVisitReportRoute,
} from "./visit-report.ts";

/** The team's reconciliation of its blind sheets, and the visit report (issue 13). */
export const reconciliationRoutes = createRouter<TenantEnv>()
  .openapi(teamReconciliationRoute, teamReconciliation)
  .openapi(nationalReconciliationRoute, nationalReconciliation)
  .openapi(proposeRoute, propose)
  .openapi(respondRoute, respond)
  .openapi(reportRoute, writeReport)
  .openapi(signRoute, sign)
  .openapi(teamVisitReportRoute, teamVisitReport)
  .openapi(nationalVisitReportRoute, nationalVisitReport)
  .openapi(tenantVisitReportRoute, tenantVisitReport);
