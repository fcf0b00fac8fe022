import { LksDetail, LksUpdate, type LksProfileInput } from "@akrab/contracts";
import { expectRow } from "@akrab/db";
import { CENTRAL_UNIT_KEEPERS, centralUnitPermissions, changedFields, type LksStatus } from "@akrab/domain";
import { createRoute, z, type RouteHandler } from "@hono/zod-openapi";
import type { NationalWriteEnv } from "../../env.ts";
import { audit } from "../../lib/audit.ts";
import { bearerSecurity, jsonBody, jsonResponse, problems } from "../../lib/openapi.ts";
import { national } from "../../middleware/national/index.ts";
import { Problem, changedMeanwhile, notFound } from "../../middleware/problem/index.ts";
import { assertRealAddress, lksColumns, restoreMaskedNiks } from "../../services/lks-profile.ts";
import { grantsOf } from "../../services/applications.ts";
import { lksDetail } from "../lks/present.ts";
import { assertSameOwnership } from "../lks/update.ts";
import { staleOnGuardAbort } from "../../lib/guard.ts";

export const updateCentralUnitRoute = createRoute({
  method: "patch",
  operationId: "nationalLks.update",
  path: "/api/v1/national/lks/{lksId}",
  tags: ["LKS registry"],
  summary: "BALKS changes a Kemensos unit's profile",
  description:
    "Send the whole profile and the version it was based on; a newer version is a 409. The unit stays in its province's tenant; other LKS are a 404 here.",
  security: bearerSecurity,
  middleware: [national({ roles: CENTRAL_UNIT_KEEPERS, write: true })] as const,
  request: { params: z.object({ lksId: z.string().min(1).max(64) }), body: jsonBody(LksUpdate) },
  responses: { 200: jsonResponse(LksDetail, "The unit after the change"), ...problems(400, 401, 404, 409) },
});

export const updateCentralUnit: RouteHandler<typeof updateCentralUnitRoute, NationalWriteEnv> = async (c) => {
  const db = c.get("db");
  const { centralUnits, tenants, write } = c.get("national");
  const { profile: submitted, expectedVersion } = c.req.valid("json");
  const current = await centralUnits.find(c.req.valid("param").lksId);
  if (!current) throw notFound();
  if (current.version !== expectedVersion) throw changedMeanwhile("lks");
  assertSameOwnership(current.ownership, submitted.ownership, "profile.ownership");
  const before = current.profile as LksProfileInput;
  const after = restoreMaskedNiks(submitted, before, "profile.");
  await assertRealAddress(db, after.address, "profile.address");
  const tenant = expectRow(await tenants.byId(current.tenantId), "Tenant of a Kemensos unit");
  if (after.address.provinceCode !== tenant.regionCode) {
    throw new Problem("validation", "Unit tetap di provinsi tenant-nya / The unit stays in its tenant's province", {
      errors: [{ path: "profile.address.provinceCode", message: "Di luar provinsi ini / Outside this province" }],
    });
  }
  const changed = changedFields(before as Record<string, unknown>, after as Record<string, unknown>);
  const permissions = (status: LksStatus) => centralUnitPermissions(grantsOf(c.get("principal").memberships), status);
  if (changed.length === 0) return c.json(lksDetail(current, permissions(current.status)), 200);

  const actor = c.get("principal").user.id;
  const scope = write.scopeOf(tenant);
  await write
    .batch([
      scope.lks.update(current.id, expectedVersion, lksColumns(after)),
      write.abortIfNothingChanged(),
      ...scope.lks.history(
        current.id,
        changed.map((field) => ({
          field,
          oldValue: before[field as keyof LksProfileInput],
          newValue: after[field as keyof LksProfileInput],
        })),
        actor,
      ),
      audit(c, {
        action: "lks.updated",
        tenantId: tenant.id,
        targetType: "lks",
        targetId: current.id,
        data: { fields: changed, status: current.status },
      }),
    ])
    .catch(staleOnGuardAbort("lks"));
  return c.json(
    lksDetail({ ...current, ...lksColumns(after), version: expectedVersion + 1 }, permissions(current.status)),
    200,
  );
};
