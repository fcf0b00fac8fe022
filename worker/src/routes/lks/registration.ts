import { LksRegistered, LksRegistration } from "@akrab/contracts";
import {
  enqueueEmail,
  findUserByEmail,
  insertMembership,
  insertUser,
  newEmailVerification,
  recordAudit,
  servingTenant,
  tenantScope,
} from "@akrab/db";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { AppEnv } from "../../env.ts";
import { clientIp } from "../../lib/client-ip.ts";
import { jsonBody, jsonResponse, problems } from "../../lib/openapi.ts";
import { Problem } from "../../middleware/problem/index.ts";
import { assertRealAddress, lksColumns, restoreMaskedNiks } from "../../services/lks-profile.ts";
import { emailVerificationEmail } from "../../services/mail.ts";
import { hashPassword } from "../../services/password.ts";
import { assertAcceptablePassword } from "../../services/password-rules.ts";
import { hashSecretToken, newSecretToken } from "../../services/secret-tokens.ts";

const VERIFICATION_TTL_SECONDS = 7 * 24 * 60 * 60;

export const registerLksRoute = createRoute({
  method: "post",
  operationId: "lks.registration",
  path: "/api/v1/public/lks-registrations",
  tags: ["LKS registry"],
  summary: "An LKS registers itself with the Dinsos of its kabupaten/kota",
  description:
    "Creates the LKS (pending verification) in the tenant serving its address (the kab/kota's Dinsos, or else its province's) and its first operator account, which signs in after confirming its email. Community LKS only: government units are registered by their Dinsos.",
  request: { body: jsonBody(LksRegistration) },
  responses: { 201: jsonResponse(LksRegistered, "Registered, waiting for the Dinsos"), ...problems(400, 409) },
});

export const registerLks: RouteHandler<typeof registerLksRoute, AppEnv> = async (c) => {
  const db = c.get("db");
  const { lks: submitted, operator } = c.req.valid("json");
  if (submitted.ownership !== "community") {
    // Government units are registered by their Dinsos (or BALKS), never by a public form.
    throw new Problem(
      "validation",
      "Unit pemerintah didaftarkan oleh Dinsos pemiliknya, bukan melalui formulir ini / Government units are registered by their Dinsos",
      {
        errors: [
          {
            path: "lks.ownership",
            message: "Pendaftaran mandiri hanya untuk LKS masyarakat / Self-registration is for community LKS only",
          },
        ],
      },
    );
  }
  const profile = restoreMaskedNiks(submitted, null, "lks.");
  assertAcceptablePassword(operator.password, operator.email, "operator.password");
  await assertRealAddress(db, profile.address, "lks.address");
  const tenant = await servingTenant(db, profile.address.regencyCode);
  if (!tenant) {
    throw new Problem(
      "conflict",
      "Dinas Sosial wilayah ini belum menggunakan Akrab; hubungi Dinsos setempat / The Dinsos of this area does not use Akrab yet",
    );
  }
  if (await findUserByEmail(db, operator.email)) {
    throw new Problem(
      "conflict",
      "Email ini sudah memiliki akun Akrab; masuk lalu hubungi Dinsos / This email already has an account",
      {
        errors: [{ path: "operator.email", message: "Email sudah terdaftar / Email already registered" }],
      },
    );
  }

  const scope = tenantScope(db, tenant);
  const created = scope.lks.insert({ ...lksColumns(profile), status: "pending_verification" });
  const account = insertUser(db, {
    email: operator.email,
    name: operator.name,
    passwordHash: await hashPassword(operator.password),
    emailVerified: false,
  });
  const token = newSecretToken();
  const verification = newEmailVerification(db, {
    userId: account.user.id,
    tokenHash: await hashSecretToken(token),
    ttlSeconds: VERIFICATION_TTL_SECONDS,
  });

  await db
    .batch([
      account.insert,
      created.insert,
      insertMembership(db, {
        userId: account.user.id,
        tenantId: tenant.id,
        role: "lks_operator",
        lksId: created.row.id,
      }),
      verification.insert,
      enqueueEmail(
        db,
        emailVerificationEmail({
          tenantId: tenant.id,
          to: account.user.email,
          lksName: profile.name,
          link: `${new URL(c.req.url).origin}/verify-email/${token}`,
          expiresAt: verification.expiresAt,
        }),
      ),
      ...scope.lks.history(
        created.row.id,
        [{ field: "*", oldValue: null, newValue: "pending_verification", note: "Pendaftaran mandiri oleh LKS" }],
        account.user.id,
      ),
      recordAudit(db, {
        action: "lks.registered",
        tenantId: tenant.id,
        actorUserId: account.user.id,
        targetType: "lks",
        targetId: created.row.id,
        ip: clientIp(c),
        data: { selfRegistered: true },
      }),
    ])
    .catch((error: unknown) => {
      if (String(error).includes("UNIQUE constraint failed: users.email"))
        throw new Problem("conflict", "Email ini sudah memiliki akun Akrab / This email already has an account");
      throw error;
    });
  return c.json(
    {
      lksId: created.row.id,
      status: "pending_verification" as const,
      tenant: { slug: tenant.slug, name: tenant.name },
    },
    201,
  );
};
