import { createRouter } from "../../lib/router.ts";
import { createCentralUnit, createCentralUnitRoute } from "./create.ts";
import { updateCentralUnit, updateCentralUnitRoute } from "./update.ts";

/** Kemensos units, registered and changed by BALKS (issue 17). */
export const nationalLksRoutes = createRouter()
  .openapi(createCentralUnitRoute, createCentralUnit)
  .openapi(updateCentralUnitRoute, updateCentralUnit);
