import type { TenantEnv } from "../../env.ts";
import { createRouter } from "../../lib/router.ts";
import { listAudit, listAuditRoute } from "./list.ts";

export const auditRoutes = createRouter<TenantEnv>().openapi(listAuditRoute, listAudit);
