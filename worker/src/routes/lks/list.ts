import { visibleLksIds } from "@akrab/domain";
import { CursorQuery, LksPage } from "@akrab/contracts";
import { createRoute, z, type RouteHandler } from "@hono/zod-openapi";
import type { AppEnv } from "../../env.ts";
import { bearerSecurity, jsonResponse, problems } from "../../lib/openapi.ts";
import { Problem } from "../../middleware/problem/index.ts";

export const TenantParam = z.object({ tenant: z.string().min(1).max(80).openapi({ example: "kota-tangerang" }) });

export const listLksRoute = createRoute({
  method: "get",
  path: "/api/v1/t/{tenant}/lks",
  tags: ["LKS registry"],
  summary: "List the tenant's LKS, by name, cursor-paginated",
  description: "Dinsos staff, the parent province and national readers see every LKS of the tenant; an LKS operator sees its own.",
  security: bearerSecurity,
  request: { params: TenantParam, query: CursorQuery },
  responses: { 200: jsonResponse(LksPage, "One page of LKS"), ...problems(400, 401, 404) },
});

export const listLks: RouteHandler<typeof listLksRoute, AppEnv> = async (c) => {
  const { cursor, limit } = c.req.valid("query");
  const page = await c.get("scope").listLks({ cursor, limit, onlyIds: visibleLksIds(c.get("access")) });
  if (!page) throw new Problem("validation", "Kursor tidak dikenal / Unknown cursor", { errors: [{ path: "cursor", message: "Unknown cursor" }] });
  return c.json(
    {
      nextCursor: page.nextCursor,
      items: page.items.map((row) => ({
        id: row.id,
        name: row.name,
        type: row.type,
        serviceMode: row.serviceMode,
        status: row.status,
        regionCode: row.regionCode,
        tenant: { slug: row.tenantSlug, name: row.tenantName },
      })),
    },
    200,
  );
};
