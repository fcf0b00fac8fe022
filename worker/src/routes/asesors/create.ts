import { AsesorCreate, AsesorDetail } from "@akrab/contracts";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { NationalWriteEnv } from "../../env.ts";
import { audit } from "../../lib/audit.ts";
import { bearerSecurity, jsonBody, jsonResponse, problems } from "../../lib/openapi.ts";
import { national } from "../../middleware/national/index.ts";
import { Problem } from "../../middleware/problem/index.ts";
import { REGISTRY_KEEPERS_NATIONAL } from "./params.ts";
import { asesorDetail } from "./show.ts";

export const createAsesorRoute = createRoute({
  method: "post",
  operationId: "asesors.create",
  path: "/api/v1/national/asesors",
  tags: ["Asesors"],
  summary: "Add an asesor to the registry (BALKS secretariat)",
  description:
    "The person is matched to an account by email; invite them to sign in with `…/invitation`. Send an Idempotency-Key: a retried request never adds the asesor twice.",
  security: bearerSecurity,
  middleware: [national({ roles: REGISTRY_KEEPERS_NATIONAL, write: true })] as const,
  request: { body: jsonBody(AsesorCreate) },
  responses: { 201: jsonResponse(AsesorDetail, "The new asesor"), ...problems(400, 401, 404) },
});

export const emailTaken = (email: string) =>
  new Problem("validation", "Email ini sudah terdaftar sebagai asesor / This email is already in the registry", {
    errors: [{ path: "email", message: `${email} sudah terdaftar / ${email} is already registered` }],
  });

export const createAsesor: RouteHandler<typeof createAsesorRoute, NationalWriteEnv> = async (c) => {
  const scope = c.get("national");
  const input = c.req.valid("json");
  if (await scope.asesors.byEmail(input.email)) throw emailTaken(input.email);
  const created = scope.write.asesors.insert({ ...input, phone: input.phone ?? null, userId: null });
  await scope.write
    .batch([
      created.insert,
      audit(c, {
        action: "asesor.created",
        tenantId: null,
        targetType: "asesor",
        targetId: created.row.id,
        data: { email: input.email },
      }),
    ])
    .catch((error: unknown) => {
      // Two secretaries adding the same person at once: the unique email lets one through.
      if (String(error).includes("UNIQUE constraint failed")) throw emailTaken(input.email);
      throw error;
    });
  return c.json(await asesorDetail(scope, created.row.id), 201);
};
