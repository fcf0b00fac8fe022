import { LksDetail, LksReturn, LksVerify, type LksProfileInput } from "@akrab/contracts";
import { abortIfNothingChanged, enqueueEmail } from "@akrab/db";
import { lksPath, nextLksStatus } from "@akrab/domain";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { TenantEnv } from "../../env.ts";
import { audit } from "../../lib/audit.ts";
import { bearerSecurity, jsonBody, jsonResponse, problems } from "../../lib/openapi.ts";
import { staleOnGuardAbort } from "../../lib/guard.ts";
import { lksDecisionEmail } from "../../services/mail.ts";
import { lksColumns } from "../../services/lks-profile.ts";
import { assertMay, expectNext, permissionsOf } from "./permissions.ts";
import { lksDetail } from "./present.ts";
import { LksParam, visibleLks } from "./show.ts";

export const verifyLksRoute = createRoute({
  method: "post",
  operationId: "lks.verify",
  path: "/api/v1/t/{tenant}/lks/{lksId}/verify",
  tags: ["LKS registry"],
  summary: "Verify a registration: the LKS becomes registered and its tanda daftar is recorded",
  security: bearerSecurity,
  request: { params: LksParam, body: jsonBody(LksVerify) },
  responses: { 200: jsonResponse(LksDetail, "Registered"), ...problems(400, 401, 403, 404, 409) },
});

export const returnLksRoute = createRoute({
  method: "post",
  operationId: "lks.return",
  path: "/api/v1/t/{tenant}/lks/{lksId}/return",
  tags: ["LKS registry"],
  summary: "Return a registration to the LKS with a comment per field to fix",
  security: bearerSecurity,
  request: { params: LksParam, body: jsonBody(LksReturn) },
  responses: { 200: jsonResponse(LksDetail, "Returned"), ...problems(400, 401, 403, 404, 409) },
});

/** Loads an LKS pending verification that the caller may decide on. */
async function pendingDecision(c: Context<TenantEnv>, lksId: string, action: "verify" | "return") {
  const lks = await visibleLks(c, lksId);
  assertMay(c, lks, "decide", {
    forbidden: "Hanya verifikator atau kepala Dinsos wilayah ini yang memutus / Only this Dinsos' verifiers decide",
    status: `LKS berstatus ${lks.status}; tidak menunggu verifikasi / The LKS is not waiting for verification`,
  });
  return { lks, next: expectNext(nextLksStatus(lks.status, action)) };
}

export const verifyLks: RouteHandler<typeof verifyLksRoute, TenantEnv> = async (c) => {
  const db = c.get("db");
  const scope = c.get("scope");
  const { lksId } = c.req.valid("param");
  const { tandaDaftar, izinOperasional } = c.req.valid("json");
  const { lks, next } = await pendingDecision(c, lksId, "verify");
  const before = lks.profile as LksProfileInput;
  const profile: LksProfileInput = { ...before, tandaDaftar, ...(izinOperasional ? { izinOperasional } : {}) };
  const actor = c.get("principal").user.id;
  await db
    .batch([
      scope.lks.update(lksId, lks.version, { ...lksColumns(profile), status: next, returnComments: [] }),
      abortIfNothingChanged(db),
      ...scope.lks.history(
        lksId,
        [
          { field: "status", oldValue: lks.status, newValue: next, note: "Diverifikasi" },
          { field: "tandaDaftar", oldValue: before.tandaDaftar ?? null, newValue: tandaDaftar },
          ...(izinOperasional
            ? [{ field: "izinOperasional", oldValue: before.izinOperasional ?? null, newValue: izinOperasional }]
            : []),
        ],
        actor,
      ),
      ...(await operatorEmails(c, lksId, before.name, true, [])),
      audit(c, {
        action: "lks.verified",
        tenantId: scope.tenant.id,
        targetType: "lks",
        targetId: lksId,
        data: { tandaDaftar: tandaDaftar.number },
      }),
    ])
    .catch(staleOnGuardAbort("lks"));
  const after = { ...lks, ...lksColumns(profile), status: next, returnComments: [], version: lks.version + 1 };
  return c.json(lksDetail(after, permissionsOf(c, after)), 200);
};

export const returnLks: RouteHandler<typeof returnLksRoute, TenantEnv> = async (c) => {
  const db = c.get("db");
  const scope = c.get("scope");
  const { lksId } = c.req.valid("param");
  const { comments } = c.req.valid("json");
  const { lks, next } = await pendingDecision(c, lksId, "return");
  const actor = c.get("principal").user.id;
  await db
    .batch([
      scope.lks.update(lksId, lks.version, { status: next, returnComments: comments }),
      abortIfNothingChanged(db),
      ...scope.lks.history(
        lksId,
        [
          {
            field: "status",
            oldValue: lks.status,
            newValue: next,
            note: comments.map((m) => `${m.field}: ${m.message}`).join("; "),
          },
        ],
        actor,
      ),
      ...(await operatorEmails(c, lksId, lks.name, false, comments)),
      audit(c, {
        action: "lks.returned",
        tenantId: scope.tenant.id,
        targetType: "lks",
        targetId: lksId,
        data: { fields: comments.map((m) => m.field) },
      }),
    ])
    .catch(staleOnGuardAbort("lks"));
  const after = { ...lks, status: next, returnComments: comments, version: lks.version + 1 };
  return c.json(lksDetail(after, permissionsOf(c, after)), 200);
};

async function operatorEmails(
  c: Context<TenantEnv>,
  lksId: string,
  lksName: string,
  verified: boolean,
  comments: { field: string; message: string }[],
) {
  const scope = c.get("scope");
  const link = `${new URL(c.req.url).origin}${lksPath(scope.tenant.slug, lksId)}`;
  return (await scope.lks.operators(lksId)).map(({ email: to }) =>
    enqueueEmail(c.get("db"), lksDecisionEmail({ tenantId: scope.tenant.id, to, lksName, verified, comments, link })),
  );
}
