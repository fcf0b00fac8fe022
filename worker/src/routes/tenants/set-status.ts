import { expectRow } from "@akrab/db";
import { TenantOverview } from "@akrab/contracts";
import { createRoute, z, type RouteHandler } from "@hono/zod-openapi";
import type { NationalWriteEnv } from "../../env.ts";
import { audit } from "../../lib/audit.ts";
import { bearerSecurity, jsonResponse, problems } from "../../lib/openapi.ts";
import { national } from "../../middleware/national/index.ts";
import { notFound } from "../../middleware/problem/index.ts";
import { presentTenant } from "./present.ts";

const params = z.object({ slug: z.string().min(1).max(80), status: z.enum(["deactivate", "activate"]) });

export const setTenantStatusRoute = createRoute({
  method: "post",
  operationId: "tenants.setStatus",
  path: "/api/v1/national/tenants/{slug}/{status}",
  tags: ["Tenant onboarding"],
  summary: "Deactivate or reactivate a tenant (platform admins)",
  description:
    "Deactivation blocks every member of the tenant at once and deletes nothing; activation restores access.",
  security: bearerSecurity,
  middleware: [national({ roles: ["platform_admin"], write: true })] as const,
  request: { params },
  responses: { 200: jsonResponse(TenantOverview, "The tenant"), ...problems(400, 401, 404) },
});

export const setStatus: RouteHandler<typeof setTenantStatusRoute, NationalWriteEnv> = async (c) => {
  const { tenants, write } = c.get("national");
  const { slug, status } = c.req.valid("param");
  const tenant = await tenants.bySlug(slug);
  if (!tenant) throw notFound();
  const next = status === "deactivate" ? "deactivated" : "active";
  const [[updated]] = await write.batch([
    write.setTenantStatus(tenant.id, next),
    audit(c, { action: `tenant.${next}`, tenantId: tenant.id, targetType: "tenant", targetId: tenant.id }),
  ]);
  const tenantNow = expectRow(updated, "Tenant");
  const parent = tenantNow.parentId ? await tenants.byId(tenantNow.parentId) : null;
  return c.json(presentTenant(tenantNow, parent?.slug ?? null), 200);
};
