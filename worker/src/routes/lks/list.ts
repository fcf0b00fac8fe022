import { jakartaDay } from "@akrab/domain";
import { CursorQuery, LksListQuery, LksPage } from "@akrab/contracts";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import { TenantParam } from "../../lib/params.ts";
import type { TenantEnv } from "../../env.ts";
import { bearerSecurity, jsonResponse, problems } from "../../lib/openapi.ts";
import { unknownCursor } from "../../middleware/problem/index.ts";
import { lksSummary } from "./present.ts";

export const listLksRoute = createRoute({
  method: "get",
  operationId: "lks.list",
  path: "/api/v1/t/{tenant}/lks",
  tags: ["LKS registry"],
  summary: "Search the tenant's LKS registry, by name, cursor-paginated",
  description:
    "Dinsos staff, the parent province and national readers see every LKS of the tenant (a province tenant also sees its kab/kota's); an LKS operator sees its own. Filters combine.",
  security: bearerSecurity,
  request: { params: TenantParam, query: CursorQuery.extend(LksListQuery.shape) },
  responses: { 200: jsonResponse(LksPage, "One page of LKS"), ...problems(400, 401, 404) },
});

export const listLks: RouteHandler<typeof listLksRoute, TenantEnv> = async (c) => {
  const { cursor, limit, ...filter } = c.req.valid("query");
  const page = await c.get("scope").lks.list(filter, { cursor, limit }, jakartaDay());
  if (!page) throw unknownCursor();
  return c.json({ nextCursor: page.nextCursor, items: page.items.map(lksSummary) }, 200);
};
