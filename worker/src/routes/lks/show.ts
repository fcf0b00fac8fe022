import { LksDetail } from "@akrab/contracts";
import { createRoute, z, type RouteHandler } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { TenantEnv } from "../../env.ts";
import { bearerSecurity, jsonResponse, problems } from "../../lib/openapi.ts";
import { notFound } from "../../middleware/problem/index.ts";
import { TenantParam } from "../../lib/params.ts";
import { permissionsOf } from "./permissions.ts";
import { lksDetail } from "./present.ts";

export const LksParam = TenantParam.extend({ lksId: z.string().min(1).max(64) });

/** The LKS if the caller may see it (the scope holds an operator to its own); otherwise a 404. */
export async function visibleLks(c: Context<TenantEnv>, lksId: string) {
  const row = await c.get("scope").lks.find(lksId);
  if (!row) throw notFound();
  return row;
}

export const showLksRoute = createRoute({
  method: "get",
  operationId: "lks.show",
  path: "/api/v1/t/{tenant}/lks/{lksId}",
  tags: ["LKS registry"],
  summary: "One LKS with its full profile (board members' NIK masked)",
  security: bearerSecurity,
  request: { params: LksParam },
  responses: { 200: jsonResponse(LksDetail, "The LKS"), ...problems(401, 404) },
});

export const showLks: RouteHandler<typeof showLksRoute, TenantEnv> = async (c) => {
  const row = await visibleLks(c, c.req.valid("param").lksId);
  return c.json(lksDetail(row, permissionsOf(c, row)), 200);
};
