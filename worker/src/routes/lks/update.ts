import { LKS_PROFILE_FIELDS, LksDetail, LksProfileInput, LksUpdate } from "@akrab/contracts";
import { abortIfNothingChanged, servingTenant } from "@akrab/db";
import { canDecideLks, changedFields, statusAfterEdit, touchesLegalFields } from "@akrab/domain";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { TenantEnv } from "../../env.ts";
import { audit } from "../../lib/audit.ts";
import { bearerSecurity, jsonBody, jsonResponse, problems } from "../../lib/openapi.ts";
import { changedMeanwhile, Problem } from "../../middleware/problem/index.ts";
import { staleOnGuardAbort } from "../../lib/guard.ts";
import { mergedRecord } from "../../lib/merge.ts";
import { assertRealAddress, lksColumns, restoreMaskedNiks } from "../../services/lks-profile.ts";
import { assertMay, permissionsOf } from "./permissions.ts";
import { lksDetail } from "./present.ts";
import { LksParam, visibleLks } from "./show.ts";

export const updateLksRoute = createRoute({
  method: "patch",
  operationId: "lks.update",
  path: "/api/v1/t/{tenant}/lks/{lksId}",
  tags: ["LKS registry"],
  summary: "Change an LKS profile (its operators, or the Dinsos)",
  description: [
    "Send the whole profile and the version it was based on; a newer version on the server is a 409 and nothing changes.",
    "An edit made offline also sends `base`, the value each changed field had when the editor started: then a newer version merges field by field, and only fields someone else changed differently are a 409 (`conflicts` lists both values; board NIKs stay masked).",
    "Every changed field is kept in the history. Changing legal fields (name, legal form, deed, Kemenkumham approval, legalisation, NPWP, address, board) of a registered LKS sends it back to verification.",
    "An address in another kabupaten/kota transfers the LKS, with its history and operators, to the Dinsos there.",
    "Tanda daftar and izin operasional are recorded by the Dinsos; operators' edits keep them as they were.",
  ].join(" "),
  security: bearerSecurity,
  request: { params: LksParam, body: jsonBody(LksUpdate) },
  responses: { 200: jsonResponse(LksDetail, "The LKS after the change"), ...problems(400, 401, 403, 404, 409) },
});

export const updateLks: RouteHandler<typeof updateLksRoute, TenantEnv> = async (c) => {
  const db = c.get("db");
  const scope = c.get("scope");
  const access = c.get("access");
  const { lksId } = c.req.valid("param");
  const { profile: sent, expectedVersion, base } = c.req.valid("json");
  const current = await visibleLks(c, lksId);
  assertMay(c, current, "edit", {
    forbidden: "Anda hanya dapat membaca LKS ini / You may only read this LKS",
    status: "LKS yang tidak aktif tidak dapat diubah / An inactive LKS cannot be changed",
  });
  if (!base && current.version !== expectedVersion) throw changedMeanwhile("lks");

  const before = current.profile as LksProfileInput;
  // Merged against what the editor could have seen (board NIKs masked), then restored like any edit.
  const submitted = base
    ? mergedRecord(
        LksProfileInput,
        LKS_PROFILE_FIELDS,
        { base, client: sent, server: lksDetail(current, permissionsOf(c, current)).profile },
        "profile",
        "lks",
      )
    : sent;
  assertSameOwnership(current.ownership, submitted.ownership, "profile.ownership");
  let after = restoreMaskedNiks(submitted, before, "profile.");
  if (!canDecideLks(access))
    after = { ...after, tandaDaftar: before.tandaDaftar, izinOperasional: before.izinOperasional };
  await assertRealAddress(db, after.address, "profile.address");
  const changed = changedFields(before as Record<string, unknown>, after as Record<string, unknown>);
  if (changed.length === 0) return c.json(lksDetail(current, permissionsOf(c, current)), 200);

  // A government unit belongs to its owner's Dinsos: it moves within that area, never to another tenant.
  const government = current.ownership !== "community";
  const stays =
    after.address.regencyCode === current.regionCode ||
    (government && inTenantArea(scope.tenant.regionCode, after.address));
  if (!stays && government) {
    throw new Problem(
      "validation",
      "Unit pemerintah tetap di wilayah pemiliknya / A government unit stays in its owner's area",
      {
        errors: [
          { path: "profile.address.regencyCode", message: "Di luar wilayah Dinsos ini / Outside this tenant's area" },
        ],
      },
    );
  }
  const target = stays ? scope.tenant : await servingTenant(db, after.address.regencyCode);
  if (!target)
    throw new Problem(
      "conflict",
      "Dinsos wilayah tujuan belum menggunakan Akrab / The Dinsos of the new area does not use Akrab yet",
    );
  const transfer = target.id !== scope.tenant.id;
  // A government unit has no one above its owning Dinsos to re-verify it: its status stays.
  const status = government ? current.status : statusAfterEdit(current.status, touchesLegalFields(changed), transfer);
  const actor = c.get("principal").user.id;

  await db
    .batch([
      scope.lks.update(lksId, current.version, {
        ...lksColumns(after),
        status,
        ...(transfer ? { tenantId: target.id } : {}),
      }),
      abortIfNothingChanged(db),
      ...scope.lks.history(
        lksId,
        changed.map((field) => ({
          field,
          oldValue: before[field as keyof LksProfileInput],
          newValue: after[field as keyof LksProfileInput],
        })),
        actor,
      ),
      ...(status !== current.status
        ? scope.lks.history(
            lksId,
            [
              {
                field: "status",
                oldValue: current.status,
                newValue: status,
                note: transfer ? "Pindah wilayah" : "Perubahan data legal",
              },
            ],
            actor,
          )
        : []),
      ...(transfer ? scope.lks.moveRelated(lksId, target.id) : []),
      audit(c, {
        action: "lks.updated",
        tenantId: scope.tenant.id,
        targetType: "lks",
        targetId: lksId,
        data: { fields: changed, status },
      }),
      ...(transfer
        ? [
            audit(c, {
              action: "lks.transferred_out",
              tenantId: scope.tenant.id,
              targetType: "lks",
              targetId: lksId,
              data: { to: target.slug },
            }),
            audit(c, {
              action: "lks.transferred_in",
              tenantId: target.id,
              targetType: "lks",
              targetId: lksId,
              data: { from: scope.tenant.slug },
            }),
          ]
        : []),
    ])
    .catch(staleOnGuardAbort("lks"));

  const updated = {
    ...current,
    ...lksColumns(after),
    status,
    version: current.version + 1,
    tenantId: target.id,
    tenantSlug: target.slug,
    tenantName: target.name,
  };
  // Moved to another Dinsos, the LKS is read through a tenant that no longer holds it: nothing more here.
  return c.json(lksDetail(updated, permissionsOf(c, updated)), 200);
};

/** Ownership is what a unit is, not a profile detail: a change means a different institution. */
export function assertSameOwnership(current: string, submitted: string, path: string): void {
  if (current === submitted) return;
  throw new Problem("validation", "Kepemilikan tidak dapat diubah / The ownership cannot change", {
    errors: [
      {
        path,
        message:
          "Daftarkan unit dengan kepemilikan lain sebagai lembaga baru / Register a unit of another ownership as a new institution",
      },
    ],
  });
}

function inTenantArea(area: string, address: { provinceCode: string; regencyCode: string }): boolean {
  return address.regencyCode === area || address.provinceCode === area;
}
