import { RegionList, RegionQuery } from "@akrab/contracts";
import { listRegions } from "@akrab/db";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { AppEnv } from "../../env.ts";
import { jsonResponse, problems } from "../../lib/openapi.ts";

export const listRegionsRoute = createRoute({
  method: "get",
  operationId: "regions.list",
  path: "/api/v1/public/regions",
  tags: ["Public"],
  summary: "Provinces and kabupaten/kota of Indonesia, with whether their Dinsos uses Akrab",
  request: { query: RegionQuery },
  responses: { 200: jsonResponse(RegionList, "Regions ordered by Kemendagri code"), ...problems(400) },
});

export const listRegionsHandler: RouteHandler<typeof listRegionsRoute, AppEnv> = async (c) => {
  c.header("cache-control", "public, max-age=300");
  return c.json({ items: await listRegions(c.get("db"), c.req.valid("query")) }, 200);
};
