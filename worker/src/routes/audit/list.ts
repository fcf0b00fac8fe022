import { AuditEntry, AuditQuery, CursorQuery, pageOf } from "@akrab/contracts";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { TenantEnv } from "../../env.ts";
import { bearerSecurity, jsonResponse, problems } from "../../lib/openapi.ts";
import { unknownCursor } from "../../middleware/problem/index.ts";
import { requireTenantRole } from "../../middleware/tenant/index.ts";
import { TenantParam } from "../../lib/params.ts";

export const listAuditRoute = createRoute({
  method: "get",
  operationId: "audit.list",
  path: "/api/v1/t/{tenant}/audit",
  tags: ["Tenant administration"],
  summary: "The tenant's audit log, newest first (tenant admins)",
  security: bearerSecurity,
  middleware: [requireTenantRole("tenant_admin")] as const,
  request: { params: TenantParam, query: CursorQuery.extend(AuditQuery.shape) },
  responses: {
    200: jsonResponse(pageOf(AuditEntry, "AuditPage"), "One page of events"),
    ...problems(400, 401, 403, 404),
  },
});

export const listAudit: RouteHandler<typeof listAuditRoute, TenantEnv> = async (c) => {
  const { cursor, limit, ...filter } = c.req.valid("query");
  const page = await c.get("scope").listAudit(filter, { cursor, limit });
  if (!page) throw unknownCursor();
  return c.json(
    {
      nextCursor: page.nextCursor,
      items: page.items.map(({ event, actorEmail, actorName }) => ({
        id: event.id,
        action: event.action,
        actor:
          event.actorUserId && actorEmail && actorName
            ? { id: event.actorUserId, email: actorEmail, name: actorName }
            : null,
        targetType: event.targetType,
        targetId: event.targetId,
        ip: event.ip,
        data: event.data,
        createdAt: event.createdAt,
      })),
    },
    200,
  );
};
