import { MemberList } from "@akrab/contracts";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { TenantEnv } from "../../env.ts";
import { bearerSecurity, jsonResponse, problems } from "../../lib/openapi.ts";
import { requireTenantRole } from "../../middleware/tenant/index.ts";
import { TenantParam } from "../../lib/params.ts";

export const listMembersRoute = createRoute({
  method: "get",
  operationId: "members.list",
  path: "/api/v1/t/{tenant}/members",
  tags: ["Members"],
  summary: "Everyone holding a role in this tenant",
  security: bearerSecurity,
  middleware: [requireTenantRole("tenant_admin")] as const,
  request: { params: TenantParam },
  responses: { 200: jsonResponse(MemberList, "Members"), ...problems(401, 403, 404) },
});

export const listMembers: RouteHandler<typeof listMembersRoute, TenantEnv> = async (c) => {
  return c.json({ items: await c.get("scope").listMembers() }, 200);
};
