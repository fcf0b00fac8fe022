import { PasswordResetComplete } from "@akrab/contracts";
import { findPendingPasswordReset, findUserById, recordAudit, usePasswordReset } from "@akrab/db";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { AppEnv } from "../../env.ts";
import { clientIp } from "../../lib/client-ip.ts";
import { jsonBody, problems } from "../../lib/openapi.ts";
import { notFound } from "../../middleware/problem/index.ts";
import { hashPassword } from "../../services/password.ts";
import { assertAcceptablePassword } from "../../services/password-rules.ts";
import { hashSecretToken } from "../../services/secret-tokens.ts";

export const completePasswordResetRoute = createRoute({
  method: "post",
  operationId: "auth.passwordResetComplete",
  path: "/api/v1/auth/password-reset/complete",
  tags: ["Auth"],
  summary: "Set a new password with an emailed reset token",
  description: "Signs the user out everywhere: every existing session is revoked.",
  request: { body: jsonBody(PasswordResetComplete) },
  responses: { 204: { description: "Password changed" }, ...problems(400, 404) },
});

export const completePasswordReset: RouteHandler<typeof completePasswordResetRoute, AppEnv> = async (c) => {
  const db = c.get("db");
  const { token, password } = c.req.valid("json");
  const reset = await findPendingPasswordReset(db, await hashSecretToken(token));
  const user = reset && (await findUserById(db, reset.userId));
  if (!reset || !user) throw expired();
  assertAcceptablePassword(password, user.email);

  const [, , used] = await db.batch([
    ...usePasswordReset(db, reset, await hashPassword(password)),
    recordAudit(db, {
      action: "auth.password_reset",
      actorUserId: user.id,
      targetType: "user",
      targetId: user.id,
      ip: clientIp(c),
    }),
  ]);
  if (used.length === 0) throw expired();
  return c.body(null, 204);
};

function expired() {
  return notFound("Tautan atur ulang tidak berlaku atau sudah dipakai / Reset link invalid, expired or already used");
}
