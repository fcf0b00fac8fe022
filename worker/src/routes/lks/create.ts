import { LksDetail, LksProfileInput } from "@akrab/contracts";
import { ownershipFitsTenant, registrarOf, registryPermissions } from "@akrab/domain";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import { createMiddleware } from "hono/factory";
import type { TenantEnv } from "../../env.ts";
import { audit } from "../../lib/audit.ts";
import { bearerSecurity, jsonBody, jsonResponse, problems } from "../../lib/openapi.ts";
import { Problem } from "../../middleware/problem/index.ts";
import { assertRealAddress, lksColumns, restoreMaskedNiks } from "../../services/lks-profile.ts";
import { TenantParam } from "../../lib/params.ts";
import { permissionsOf } from "./permissions.ts";
import { lksDetail } from "./present.ts";

/** The rule the session's tenantPermissions.mayRegisterLks reports, refused before the body is read. */
const mayRegisterLks = createMiddleware<TenantEnv>(async (c, next) => {
  if (!registryPermissions(c.get("access")).mayRegisterLks) {
    throw new Problem(
      "forbidden",
      "Hanya verifikator atau admin Dinsos ini yang mendaftarkan LKS / Only this Dinsos' verifiers or admins register LKS",
    );
  }
  await next();
});

export const createLksRoute = createRoute({
  method: "post",
  operationId: "lks.create",
  path: "/api/v1/t/{tenant}/lks",
  tags: ["LKS registry"],
  summary: "A Dinsos verifier registers an LKS on its behalf",
  description: [
    "The address must lie in this tenant's area. A community LKS starts pending verification; invite its operator with the invitations endpoint.",
    "A Dinsos also registers its own government units here (a province's units with ownership `provincial_government`, a kab/kota's with `regency_government`):",
    "they stand on their establishing decree and are registered at once. Kemensos units (`central_government`) are registered by BALKS (`nationalLks.create`).",
  ].join(" "),
  security: bearerSecurity,
  middleware: [mayRegisterLks] as const,
  request: { params: TenantParam, body: jsonBody(LksProfileInput) },
  responses: { 201: jsonResponse(LksDetail, "Registered"), ...problems(400, 401, 403, 404) },
});

export const createLks: RouteHandler<typeof createLksRoute, TenantEnv> = async (c) => {
  const db = c.get("db");
  const scope = c.get("scope");
  const profile = restoreMaskedNiks(c.req.valid("json"), null, "");
  await assertRealAddress(db, profile.address, "address");
  const area = scope.tenant.regionCode;
  if (profile.address.regencyCode !== area && profile.address.provinceCode !== area) {
    throw new Problem(
      "validation",
      "Alamat LKS berada di luar wilayah Dinsos ini / The address is outside this Dinsos' area",
      {
        errors: [{ path: "address.regencyCode", message: "Di luar wilayah Dinsos ini / Outside this tenant's area" }],
      },
    );
  }
  assertOwnershipFitsTenant(profile.ownership, scope.tenant.level, "ownership");
  const actor = c.get("principal").user.id;
  // The Dinsos registering its own unit is the one that would verify it: nothing is left to check.
  const status = profile.ownership === "community" ? "pending_verification" : "registered";
  const created = scope.lks.insert({ ...lksColumns(profile), status });
  await db.batch([
    created.insert,
    ...scope.lks.history(
      created.row.id,
      [{ field: "*", oldValue: null, newValue: status, note: "Didaftarkan oleh Dinsos" }],
      actor,
    ),
    audit(c, {
      action: "lks.registered",
      tenantId: scope.tenant.id,
      targetType: "lks",
      targetId: created.row.id,
      data: { selfRegistered: false, ownership: profile.ownership },
    }),
  ]);
  const row = { ...created.row, tenantSlug: scope.tenant.slug, tenantName: scope.tenant.name };
  return c.json(lksDetail(row, permissionsOf(c, row)), 201);
};

/** A Dinsos registers community LKS and the government units of its own level; Kemensos units are BALKS's. */
function assertOwnershipFitsTenant(
  ownership: LksProfileInput["ownership"],
  level: "province" | "kabkota",
  path: string,
): void {
  if (ownershipFitsTenant(ownership, level)) return;
  const message =
    registrarOf(ownership) === "balks"
      ? "Unit Kemensos didaftarkan oleh BALKS / Kemensos units are registered by BALKS"
      : level === "province"
        ? "Dinsos provinsi mendaftarkan unit milik pemerintah provinsi / A province registers its own government units"
        : "Dinsos kabupaten/kota mendaftarkan unit milik pemerintah kabupaten/kota / A kab/kota registers its own government units";
  throw new Problem(
    "validation",
    "Kepemilikan tidak dapat didaftarkan oleh Dinsos ini / This Dinsos cannot register this ownership",
    { errors: [{ path, message }] },
  );
}
