import { LksDetail, LksProfileInput } from "@akrab/contracts";
import { CENTRAL_UNIT_KEEPERS, centralUnitPermissions } from "@akrab/domain";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { NationalWriteEnv } from "../../env.ts";
import { audit } from "../../lib/audit.ts";
import { bearerSecurity, jsonBody, jsonResponse, problems } from "../../lib/openapi.ts";
import { national } from "../../middleware/national/index.ts";
import { Problem } from "../../middleware/problem/index.ts";
import { assertRealAddress, lksColumns, restoreMaskedNiks } from "../../services/lks-profile.ts";
import { grantsOf } from "../../services/applications.ts";
import { lksDetail } from "../lks/present.ts";

export const createCentralUnitRoute = createRoute({
  method: "post",
  operationId: "nationalLks.create",
  path: "/api/v1/national/lks",
  tags: ["LKS registry"],
  summary: "BALKS registers a Kemensos unit (Sentra, Balai, Loka) into the tenant of its province",
  description: [
    "Ownership must be `central_government`. The unit joins the tenant of the province where it sits (409 if that Dinsos does not use Akrab yet),",
    "registered at once; that tenant reads it and opens applications for it, but only BALKS changes its profile (`nationalLks.update`).",
  ].join(" "),
  security: bearerSecurity,
  middleware: [national({ roles: CENTRAL_UNIT_KEEPERS, write: true })] as const,
  request: { body: jsonBody(LksProfileInput) },
  responses: { 201: jsonResponse(LksDetail, "Registered"), ...problems(400, 401, 404, 409) },
});

export const createCentralUnit: RouteHandler<typeof createCentralUnitRoute, NationalWriteEnv> = async (c) => {
  const db = c.get("db");
  const { tenants, write } = c.get("national");
  const profile = restoreMaskedNiks(c.req.valid("json"), null, "");
  if (profile.ownership !== "central_government") {
    throw new Problem(
      "validation",
      "BALKS hanya mendaftarkan unit Kemensos di sini / BALKS registers Kemensos units here",
      {
        errors: [
          {
            path: "ownership",
            message: "Harus pemerintah pusat (unit Kemensos) / Must be central government (Kemensos unit)",
          },
        ],
      },
    );
  }
  await assertRealAddress(db, profile.address, "address");
  const tenant = await tenants.byRegion(profile.address.provinceCode);
  if (tenant?.status !== "active") {
    throw new Problem(
      "conflict",
      "Dinsos provinsi tempat unit ini berada belum menggunakan Akrab / The Dinsos of this unit's province does not use Akrab yet",
    );
  }
  const actor = c.get("principal").user.id;
  const scope = write.scopeOf(tenant);
  const created = scope.lks.insert({ ...lksColumns(profile), status: "registered" });
  await write.batch([
    created.insert,
    ...scope.lks.history(
      created.row.id,
      [{ field: "*", oldValue: null, newValue: "registered", note: "Didaftarkan oleh BALKS" }],
      actor,
    ),
    audit(c, {
      action: "lks.registered",
      tenantId: tenant.id,
      targetType: "lks",
      targetId: created.row.id,
      data: { selfRegistered: false, ownership: profile.ownership },
    }),
  ]);
  const row = { ...created.row, tenantSlug: tenant.slug, tenantName: tenant.name };
  return c.json(lksDetail(row, centralUnitPermissions(grantsOf(c.get("principal").memberships), row.status)), 201);
};
