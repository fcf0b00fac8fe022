import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { TenantEnv } from "../../env.ts";
import { bearerSecurity, binaryContent, problems } from "../../lib/openapi.ts";
import { notFound } from "../../middleware/problem/index.ts";
import { TenantParam } from "../../lib/params.ts";

export const getLogoRoute = createRoute({
  method: "get",
  operationId: "tenantProfile.logoGet",
  path: "/api/v1/t/{tenant}/logo",
  tags: ["Tenant administration"],
  summary: "The tenant's logo",
  security: bearerSecurity,
  request: { params: TenantParam },
  responses: {
    200: { description: "The image", content: binaryContent(["image/png", "image/jpeg", "image/webp"]) },
    ...problems(401, 404),
  },
});

export const getLogo: RouteHandler<typeof getLogoRoute, TenantEnv> = async (c) => {
  const { logoKey } = c.get("scope").tenant;
  const object = logoKey ? await c.env.DOCS.get(logoKey) : null;
  if (!object) throw notFound("Tenant ini belum memiliki logo / This tenant has no logo");
  return c.body(object.body, 200, {
    "content-type": object.httpMetadata?.contentType ?? "application/octet-stream",
    etag: object.httpEtag,
    "cache-control": "private, max-age=300",
  });
};
