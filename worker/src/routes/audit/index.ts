import { createRouter } from "../../lib/router.ts";
import { listAudit, listAuditRoute } from "./list.ts";

export const auditRoutes = createRouter().openapi(listAuditRoute, listAudit);
