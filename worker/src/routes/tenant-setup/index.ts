import type { TenantEnv } from "../../env.ts";
import { createRouter } from "../../lib/router.ts";
import { getSetup, getSetupRoute } from "./get.ts";
import { updateSetup, updateSetupRoute } from "./update.ts";

export const tenantSetupRoutes = createRouter<TenantEnv>()
  .openapi(getSetupRoute, getSetup)
  .openapi(updateSetupRoute, updateSetup);
