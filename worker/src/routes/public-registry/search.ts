import { PublicRegistryPage, PublicRegistryQuery } from "@akrab/contracts";
import { publicRegistryReads } from "@akrab/db";
import { jakartaDay, statusDayBounds } from "@akrab/domain";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { AppEnv } from "../../env.ts";
import { jsonResponse, problems } from "../../lib/openapi.ts";
import { unknownCursor } from "../../middleware/problem/index.ts";
import { PUBLIC_CACHE_CONTROL } from "../certificates/cache.ts";
import { registryCacheKey, throughCache } from "./cache.ts";
import { presentRegistryRow } from "./present.ts";

export const publicRegistrySearchRoute = createRoute({
  method: "get",
  operationId: "publicRegistry.search",
  path: "/api/v1/public/lks",
  tags: ["Certificates"],
  summary: "Search the public registry of accredited (and formerly accredited) LKS (no sign-in)",
  description: [
    "Every LKS that has or had a certificate, once, under its standing certificate (the latest not revoked, or the",
    "latest when all are), in name order, by cursor. Filters: part of the name, province, kab/kota, LKS type, grade",
    "and status (computed now, as on the verification page). No personal data: the institution as its certificate",
    "prints it. Cached at the edge; any certificate change makes the next answer fresh.",
  ].join(" "),
  request: { query: PublicRegistryQuery },
  responses: { 200: jsonResponse(PublicRegistryPage, "A page of the registry"), ...problems(400) },
});

/**
 * A page of the registry for `query` (null for a cursor this API did not issue); `state` is the
 * one the cache key was made from (read once per request).
 */
export async function registryPage(
  db: AppEnv["Variables"]["db"],
  query: PublicRegistryQuery,
  state: { changedAt: string },
  now = new Date(),
) {
  const today = jakartaDay(now);
  const page = await publicRegistryReads(db).search(query, statusDayBounds(today), {
    cursor: query.cursor,
    limit: query.limit,
  });
  if (!page) return null;
  return {
    items: page.items.map((row) => presentRegistryRow(row, today)),
    nextCursor: page.nextCursor,
    dataAsOf: state.changedAt,
    checkedAt: now.toISOString(),
  };
}

export const publicRegistrySearch: RouteHandler<typeof publicRegistrySearchRoute, AppEnv> = async (c) => {
  const { key, state } = await registryCacheKey(c.get("db"), new URL(c.req.url));
  return throughCache(key, async () => {
    const page = await registryPage(c.get("db"), c.req.valid("query"), state);
    if (!page) throw unknownCursor();
    return c.json(page, 200, { "cache-control": PUBLIC_CACHE_CONTROL });
  }) as never;
};
