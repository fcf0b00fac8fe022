import type { TenantEnv } from "../../env.ts";
import { createRouter } from "../../lib/router.ts";
import { createLks, createLksRoute } from "./create.ts";
import { returnLks, returnLksRoute, verifyLks, verifyLksRoute } from "./decide.ts";
import { exportLks, exportLksRoute } from "./export-csv.ts";
import { lksHistory, lksHistoryRoute } from "./history.ts";
import { listLks, listLksRoute } from "./list.ts";
import { nationalLksList, nationalLksListRoute } from "./national-list.ts";
import { registerLks, registerLksRoute } from "./registration.ts";
import { resubmitLks, resubmitLksRoute } from "./resubmit.ts";
import { showLks, showLksRoute } from "./show.ts";
import { updateLks, updateLksRoute } from "./update.ts";

/** The public registration form needs no tenant or caller; every other LKS route is a tenant route. */
const registrationRoutes = createRouter().openapi(registerLksRoute, registerLks);

export const lksRoutes = createRouter<TenantEnv>()
  .route("/", registrationRoutes)
  .openapi(exportLksRoute, exportLks)
  .openapi(listLksRoute, listLks)
  .openapi(nationalLksListRoute, nationalLksList)
  .openapi(createLksRoute, createLks)
  .openapi(showLksRoute, showLks)
  .openapi(updateLksRoute, updateLks)
  .openapi(lksHistoryRoute, lksHistory)
  .openapi(verifyLksRoute, verifyLks)
  .openapi(returnLksRoute, returnLks)
  .openapi(resubmitLksRoute, resubmitLks);
