import type { TenantEnv } from "../../env.ts";
import { createRouter } from "../../lib/router.ts";
import { decide, decideRoute } from "./create.ts";
import { nationalDecision, nationalDecisionRoute, tenantDecision, tenantDecisionRoute } from "./show.ts";

/** BALKS's plenary decision and what the LKS and its Dinsos read of it (issue 13). */
export const decisionRoutes = createRouter<TenantEnv>()
  .openapi(decideRoute, decide)
  .openapi(nationalDecisionRoute, nationalDecision)
  .openapi(tenantDecisionRoute, tenantDecision);
