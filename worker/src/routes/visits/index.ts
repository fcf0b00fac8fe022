import type { TenantEnv } from "../../env.ts";
import { createRouter } from "../../lib/router.ts";
import { putCompanions, putCompanionsRoute } from "./companions.ts";
import { applicationVisit, applicationVisitRoute } from "./show.ts";

/** An application's planned visit as its tenant sees it, and the companions its Dinsos names (issue 13). */
export const visitRoutes = createRouter<TenantEnv>()
  .openapi(applicationVisitRoute, applicationVisit)
  .openapi(putCompanionsRoute, putCompanions);
