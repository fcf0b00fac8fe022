import type { TenantEnv } from "../../env.ts";
import { createRouter } from "../../lib/router.ts";
import { getProfile, getProfileRoute } from "./get.ts";
import { getLogo, getLogoRoute } from "./logo-get.ts";
import { putLogo, putLogoRoute } from "./logo-put.ts";
import { updateProfile, updateProfileRoute } from "./update.ts";

export const tenantProfileRoutes = createRouter<TenantEnv>()
  .openapi(getProfileRoute, getProfile)
  .openapi(updateProfileRoute, updateProfile)
  .openapi(putLogoRoute, putLogo)
  .openapi(getLogoRoute, getLogo);
