import { AsesorListQuery, AsesorPage } from "@akrab/contracts";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { NationalEnv } from "../../env.ts";
import { bearerSecurity, jsonResponse, problems } from "../../lib/openapi.ts";
import { national } from "../../middleware/national/index.ts";
import { unknownCursor } from "../../middleware/problem/index.ts";
import { presentAsesor } from "../../services/asesors.ts";
import { REGISTRY_READERS } from "./params.ts";

export const listAsesorsRoute = createRoute({
  method: "get",
  operationId: "asesors.list",
  path: "/api/v1/national/asesors",
  tags: ["Asesors"],
  summary: "The national asesor registry, by name (BALKS, national viewers)",
  description:
    "Filters combine: start of the name or email, active or not, an LKS type they may assess, home province.",
  security: bearerSecurity,
  middleware: [national({ roles: REGISTRY_READERS })] as const,
  request: { query: AsesorListQuery },
  responses: { 200: jsonResponse(AsesorPage, "One page of asesors"), ...problems(400, 401, 404) },
});

export const listAsesors: RouteHandler<typeof listAsesorsRoute, NationalEnv> = async (c) => {
  const { cursor, limit, active, ...filter } = c.req.valid("query");
  const asesors = c.get("national").asesors;
  const [page, workload] = await Promise.all([
    asesors.list({ ...filter, active: active === undefined ? undefined : active === "true" }, { cursor, limit }),
    // The registry shows each one's open workload, as the team's ranking weighs it.
    asesors.openWorkload(),
  ]);
  if (!page) throw unknownCursor();
  const items = page.items.map((row) => ({ ...presentAsesor(row), openAssignments: workload.get(row.id) ?? 0 }));
  return c.json({ items, nextCursor: page.nextCursor }, 200);
};
