import { Checklist, ChecklistReplace } from "@akrab/contracts";
import { APPLICATION_KINDS } from "@akrab/domain";
import { createRoute, z, type RouteHandler } from "@hono/zod-openapi";
import type { TenantEnv } from "../../env.ts";
import { audit } from "../../lib/audit.ts";
import { bearerSecurity, jsonBody, jsonResponse, problems } from "../../lib/openapi.ts";
import { requireTenantRole } from "../../middleware/tenant/index.ts";
import { TenantParam } from "../../lib/params.ts";

const params = TenantParam.extend({ kind: z.enum(APPLICATION_KINDS) });

export const getChecklistRoute = createRoute({
  method: "get",
  operationId: "workflow.checklistGet",
  path: "/api/v1/t/{tenant}/checklists/{kind}",
  tags: ["Workflow"],
  summary: "The tenant's document checklist for first accreditations or renewals",
  security: bearerSecurity,
  request: { params },
  responses: { 200: jsonResponse(Checklist, "Checklist"), ...problems(401, 404) },
});

export const getChecklist: RouteHandler<typeof getChecklistRoute, TenantEnv> = async (c) => {
  const rows = await c.get("scope").applications.checklist(c.req.valid("param").kind);
  return c.json({ items: rows.map(({ key, name, description, required, acceptedTypes, maxBytes }) => ({ key, name, description, required, acceptedTypes, maxBytes })) }, 200);
};

export const putChecklistRoute = createRoute({
  method: "put",
  operationId: "workflow.checklistPut",
  path: "/api/v1/t/{tenant}/checklists/{kind}",
  tags: ["Workflow"],
  summary: "Replace the checklist (tenant admins); applications already started keep their copy",
  security: bearerSecurity,
  middleware: [requireTenantRole("tenant_admin")] as const,
  request: { params, body: jsonBody(ChecklistReplace) },
  responses: { 200: jsonResponse(Checklist, "Saved"), ...problems(400, 401, 403, 404) },
});

export const putChecklist: RouteHandler<typeof putChecklistRoute, TenantEnv> = async (c) => {
  const db = c.get("db");
  const scope = c.get("scope");
  const { kind } = c.req.valid("param");
  const { items } = c.req.valid("json");
  const [first, ...rest] = scope.applications.replaceChecklist(kind, items);
  await db.batch([
    first,
    ...rest,
    audit(c, { action: "checklist.replaced", tenantId: scope.tenant.id, targetType: "checklist", targetId: kind, data: { items: items.length } }),
  ]);
  return c.json({ items }, 200);
};
