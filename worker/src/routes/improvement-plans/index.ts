import type { TenantEnv } from "../../env.ts";
import { createRouter } from "../../lib/router.ts";
import {
  nationalReview,
  nationalReviewRoute,
  openPlans,
  openPlansRoute,
  supervisionSettings,
  supervisionSettingsRoute,
  updateSupervisionSettings,
  updateSupervisionSettingsRoute,
} from "./national.ts";
import { answerItem, answerItemRoute, reviewItem, reviewItemRoute, tenantPlan, tenantPlanRoute } from "./tenant.ts";

/** Supervision after the decision (issue 14): the improvement plan, its answers and reviews, BALKS's view and settings. */
export const improvementPlanRoutes = createRouter<TenantEnv>()
  .openapi(tenantPlanRoute, tenantPlan)
  .openapi(answerItemRoute, answerItem)
  .openapi(reviewItemRoute, reviewItem)
  .openapi(openPlansRoute, openPlans)
  .openapi(nationalReviewRoute, nationalReview)
  .openapi(supervisionSettingsRoute, supervisionSettings)
  .openapi(updateSupervisionSettingsRoute, updateSupervisionSettings);
