import { PasswordResetRequest } from "@akrab/contracts";
import { countHit, enqueueEmail, findUserByEmail, newPasswordReset, recordAudit } from "@akrab/db";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { AppEnv } from "../../env.ts";
import { clientIp } from "../../lib/client-ip.ts";
import { jsonBody, problems } from "../../lib/openapi.ts";
import { passwordResetEmail } from "../../services/mail.ts";
import { hashSecretToken, newSecretToken } from "../../services/secret-tokens.ts";

const RESET_TTL_SECONDS = 60 * 60;
/** Reset emails per address per hour: enough for a lost email, too few to flood an inbox. */
const RESETS_PER_HOUR = 5;

export const requestPasswordResetRoute = createRoute({
  method: "post",
  operationId: "auth.passwordResetRequest",
  path: "/api/v1/auth/password-reset",
  tags: ["Auth"],
  summary: "Email a password reset link",
  description: "Always answers 202, whether or not the email has an account, so accounts cannot be discovered.",
  request: { body: jsonBody(PasswordResetRequest) },
  responses: { 202: { description: "If the account exists, a link is on its way" }, ...problems(400) },
});

export const requestPasswordReset: RouteHandler<typeof requestPasswordResetRoute, AppEnv> = async (c) => {
  const db = c.get("db");
  const { email } = c.req.valid("json");
  const user = await findUserByEmail(db, email);
  if (user && user.status === "active") {
    const { count } = await countHit(db, `reset:${user.email}`, 3600);
    if (count <= RESETS_PER_HOUR) {
      const token = newSecretToken();
      const expiresAt = new Date(Date.now() + RESET_TTL_SECONDS * 1000).toISOString();
      await db.batch([
        newPasswordReset(db, {
          userId: user.id,
          tokenHash: await hashSecretToken(token),
          ttlSeconds: RESET_TTL_SECONDS,
        }),
        enqueueEmail(
          db,
          passwordResetEmail({
            to: user.email,
            link: `${new URL(c.req.url).origin}/reset-password/${token}`,
            expiresAt,
          }),
        ),
        recordAudit(db, {
          action: "auth.password_reset_requested",
          actorUserId: user.id,
          targetType: "user",
          targetId: user.id,
          ip: clientIp(c),
        }),
      ]);
    }
  }
  return c.body(null, 202);
};
