import { createRouter } from "../../lib/router.ts";
import { createLks, createLksRoute } from "./create.ts";
import { returnLks, returnLksRoute, verifyLks, verifyLksRoute } from "./decide.ts";
import { exportLks, exportLksRoute } from "./export-csv.ts";
import { lksHistory, lksHistoryRoute } from "./history.ts";
import { listLks, listLksRoute } from "./list.ts";
import { registerLks, registerLksRoute } from "./registration.ts";
import { resubmitLks, resubmitLksRoute } from "./resubmit.ts";
import { showLks, showLksRoute } from "./show.ts";
import { updateLks, updateLksRoute } from "./update.ts";

export const lksRoutes = createRouter()
  .openapi(registerLksRoute, registerLks)
  .openapi(exportLksRoute, exportLks)
  .openapi(listLksRoute, listLks)
  .openapi(createLksRoute, createLks)
  .openapi(showLksRoute, showLks)
  .openapi(updateLksRoute, updateLks)
  .openapi(lksHistoryRoute, lksHistory)
  .openapi(verifyLksRoute, verifyLks)
  .openapi(returnLksRoute, returnLks)
  .openapi(resubmitLksRoute, resubmitLks);
