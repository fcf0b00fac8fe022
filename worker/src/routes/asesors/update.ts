import { AsesorDetail, AsesorUpdate } from "@akrab/contracts";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { NationalWriteEnv } from "../../env.ts";
import { audit } from "../../lib/audit.ts";
import { staleOnGuardAbort } from "../../lib/guard.ts";
import { bearerSecurity, jsonBody, jsonResponse, problems } from "../../lib/openapi.ts";
import { national } from "../../middleware/national/index.ts";
import { changedMeanwhile, Problem } from "../../middleware/problem/index.ts";
import { emailTaken } from "./create.ts";
import { AsesorParam, REGISTRY_KEEPERS_NATIONAL } from "./params.ts";
import { asesorDetail, asesorNotFound } from "./show.ts";

export const updateAsesorRoute = createRoute({
  method: "patch",
  operationId: "asesors.update",
  path: "/api/v1/national/asesors/{asesorId}",
  tags: ["Asesors"],
  summary: "Change an asesor's record, or make them inactive (BALKS secretariat)",
  description:
    "Only the fields sent change. `expectedVersion` must be the record's current version, or the answer is 409 and nothing changes.",
  security: bearerSecurity,
  middleware: [national({ roles: REGISTRY_KEEPERS_NATIONAL, write: true })] as const,
  request: { params: AsesorParam, body: jsonBody(AsesorUpdate) },
  responses: { 200: jsonResponse(AsesorDetail, "The asesor after the change"), ...problems(400, 401, 404, 409) },
});

export const updateAsesor: RouteHandler<typeof updateAsesorRoute, NationalWriteEnv> = async (c) => {
  const scope = c.get("national");
  const { asesorId } = c.req.valid("param");
  const { expectedVersion, ...changes } = c.req.valid("json");
  const row = await scope.asesors.find(asesorId);
  if (!row) throw asesorNotFound();
  if (row.version !== expectedVersion) throw changedMeanwhile("asesor");
  const provinceCode = changes.provinceCode ?? row.provinceCode;
  const kabKotaCode = changes.kabKotaCode ?? row.kabKotaCode;
  if (!kabKotaCode.startsWith(`${provinceCode}.`))
    throw new Problem("validation", "Kab/kota harus di provinsi asesor / The kab/kota must be in the province", {
      errors: [
        { path: "kabKotaCode", message: `${kabKotaCode} bukan di provinsi ${provinceCode} / not in ${provinceCode}` },
      ],
    });
  if (changes.email && changes.email !== row.email && (await scope.asesors.byEmail(changes.email)))
    throw emailTaken(changes.email);
  const set = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
  await scope.write
    .batch([
      scope.write.asesors.update(asesorId, expectedVersion, set),
      scope.write.abortIfNothingChanged(),
      audit(c, {
        action: "asesor.updated",
        tenantId: null,
        targetType: "asesor",
        targetId: asesorId,
        data: { fields: Object.keys(set) },
      }),
    ])
    .catch(staleOnGuardAbort("asesor"));
  return c.json(await asesorDetail(scope, asesorId), 200);
};
