import { sniffFileType } from "@akrab/domain";
import { createRoute, z, type RouteHandler } from "@hono/zod-openapi";
import type { TenantEnv } from "../../env.ts";
import { audit } from "../../lib/audit.ts";
import { bearerSecurity, problems } from "../../lib/openapi.ts";
import { Problem } from "../../middleware/problem/index.ts";
import { requireTenantRole } from "../../middleware/tenant/index.ts";
import { TenantParam } from "../../lib/params.ts";

/** The browser resizes logos to at most 256 px before upload; this is the ceiling for the result. */
export const LOGO_MAX_BYTES = 200 * 1024;

const imageBody = { schema: z.string().openapi({ format: "binary" }) };

export const putLogoRoute = createRoute({
  method: "put",
  operationId: "tenantProfile.logoPut",
  path: "/api/v1/t/{tenant}/logo",
  tags: ["Tenant administration"],
  summary: "Replace the tenant's logo (PNG, JPEG or WebP, at most 200 KB; resized in the browser first)",
  security: bearerSecurity,
  middleware: [requireTenantRole("tenant_admin")] as const,
  request: {
    params: TenantParam,
    body: { required: true, content: { "image/png": imageBody, "image/jpeg": imageBody, "image/webp": imageBody } },
  },
  responses: { 204: { description: "Logo stored" }, ...problems(400, 401, 403, 404) },
});

export const putLogo: RouteHandler<typeof putLogoRoute, TenantEnv> = async (c) => {
  const db = c.get("db");
  const scope = c.get("scope");
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  const type = sniffFileType(bytes.subarray(0, 4096));
  if (type !== "image/png" && type !== "image/jpeg" && type !== "image/webp")
    throw new Problem(
      "unsupported-media-type",
      "Logo harus berupa gambar PNG, JPEG atau WebP / The logo must be a PNG, JPEG or WebP image",
    );
  const key = `t/${scope.tenant.id}/logo`;
  await c.env.DOCS.put(key, bytes, { httpMetadata: { contentType: type } });
  await db.batch([
    scope.updateProfile({ logoKey: key }),
    audit(c, {
      action: "tenant.logo_updated",
      tenantId: scope.tenant.id,
      targetType: "tenant",
      targetId: scope.tenant.id,
      data: { size: bytes.length, type },
    }),
  ]);
  return c.body(null, 204);
};
