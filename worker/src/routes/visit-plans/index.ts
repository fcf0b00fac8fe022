import { createRouter } from "../../lib/router.ts";
import { cancelVisitPlan, cancelVisitPlanRoute } from "./cancel.ts";
import { createVisitPlan, createVisitPlanRoute } from "./create.ts";
import { listVisitPlans, listVisitPlansRoute } from "./list.ts";
import { myVisitPlans, myVisitPlansRoute } from "./mine.ts";
import { applicationVisitPlan, applicationVisitPlanRoute } from "./of-application.ts";
import { showVisitPlan, showVisitPlanRoute } from "./show.ts";
import { updateVisitPlan, updateVisitPlanRoute } from "./update.ts";

/** BALKS's visit plans (routes of asesor visits across tenants) and the asesor's own (issue 13). */
export const visitPlanRoutes = createRouter()
  .openapi(listVisitPlansRoute, listVisitPlans)
  .openapi(createVisitPlanRoute, createVisitPlan)
  .openapi(showVisitPlanRoute, showVisitPlan)
  .openapi(updateVisitPlanRoute, updateVisitPlan)
  .openapi(cancelVisitPlanRoute, cancelVisitPlan)
  .openapi(applicationVisitPlanRoute, applicationVisitPlan)
  .openapi(myVisitPlansRoute, myVisitPlans);
