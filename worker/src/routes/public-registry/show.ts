import { PublicRegistryLksDetail } from "@akrab/contracts";
import { publicRegistryReads } from "@akrab/db";
import { createRoute, z, type RouteHandler } from "@hono/zod-openapi";
import type { AppEnv } from "../../env.ts";
import { jsonResponse, problems } from "../../lib/openapi.ts";
import { notFound } from "../../middleware/problem/index.ts";
import { PUBLIC_CACHE_CONTROL } from "../certificates/cache.ts";
import { registryCacheKey, throughCache } from "./cache.ts";
import { presentRegistryLks } from "./present.ts";

const LksIdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(64, "Id LKS paling panjang 64 huruf / An LKS id is at most 64 characters")
    .openapi({ description: "The LKS's id, as the search gives it" }),
});

export const publicRegistryShowRoute = createRoute({
  method: "get",
  operationId: "publicRegistry.show",
  path: "/api/v1/public/lks/{id}",
  tags: ["Certificates"],
  summary: "One LKS of the public registry with its current and past certificates (no sign-in)",
  description:
    "The LKS as its certificate prints it and every certificate it has had, newest first, each with its status computed now (with the date and BALKS's reason when suspended or revoked). An LKS that never had a certificate is not in the registry: 404.",
  request: { params: LksIdParam },
  responses: { 200: jsonResponse(PublicRegistryLksDetail, "The LKS and its certificates"), ...problems(400, 404) },
});

const registryLksNotFound = () =>
  notFound("LKS tidak ada di registri akreditasi / No LKS with this id in the accreditation registry");

export async function registryLks(db: AppEnv["Variables"]["db"], id: string) {
  const found = await publicRegistryReads(db).lks(id);
  return found ? presentRegistryLks(found) : null;
}

export const publicRegistryShow: RouteHandler<typeof publicRegistryShowRoute, AppEnv> = async (c) => {
  const { key } = await registryCacheKey(c.get("db"), new URL(c.req.url));
  return throughCache(key, async () => {
    const lks = await registryLks(c.get("db"), c.req.valid("param").id);
    if (!lks) throw registryLksNotFound();
    return c.json(lks, 200, { "cache-control": PUBLIC_CACHE_CONTROL });
  }) as never;
};
