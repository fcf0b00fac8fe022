import { CursorQuery, LksPage, NationalLksQuery } from "@akrab/contracts";
import { NATIONAL_READERS } from "@akrab/domain";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { NationalEnv } from "../../env.ts";
import { bearerSecurity, jsonResponse, problems } from "../../lib/openapi.ts";
import { national } from "../../middleware/national/index.ts";
import { unknownCursor } from "../../middleware/problem/index.ts";
import { lksSummary } from "./present.ts";

export const nationalLksListRoute = createRoute({
  method: "get",
  operationId: "lks.nationalList",
  path: "/api/v1/national/lks",
  tags: ["LKS registry"],
  summary: "National readers: the LKS of every tenant, by name, cursor-paginated (read-only)",
  description:
    "For BALKS, national viewers and the platform admin. Filters combine: name, type, status, province or kab/kota.",
  security: bearerSecurity,
  middleware: [national({ roles: NATIONAL_READERS })] as const,
  request: { query: CursorQuery.extend(NationalLksQuery.shape) },
  responses: { 200: jsonResponse(LksPage, "One page of LKS"), ...problems(400, 401, 404) },
});

export const nationalLksList: RouteHandler<typeof nationalLksListRoute, NationalEnv> = async (c) => {
  const { cursor, limit, ...filter } = c.req.valid("query");
  const page = await c.get("national").lks.list(filter, { cursor, limit });
  if (!page) throw unknownCursor();
  return c.json({ nextCursor: page.nextCursor, items: page.items.map(lksSummary) }, 200);
};
