import { createRouter } from "../../lib/router.ts";
import { listTenantsHandler, listTenantsRoute } from "./list.ts";
import { setStatus, setTenantStatusRoute } from "./set-status.ts";

export const tenantRoutes = createRouter()
  .openapi(listTenantsRoute, listTenantsHandler)
  .openapi(setTenantStatusRoute, setStatus);
