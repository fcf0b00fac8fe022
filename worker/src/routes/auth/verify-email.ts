import { recordAudit, useEmailVerification } from "@akrab/db";
import { createRoute, z, type RouteHandler } from "@hono/zod-openapi";
import type { AppEnv } from "../../env.ts";
import { clientIp } from "../../lib/client-ip.ts";
import { jsonBody, problems } from "../../lib/openapi.ts";
import { notFound } from "../../middleware/problem/index.ts";
import { hashSecretToken } from "../../services/secret-tokens.ts";

export const verifyEmailRoute = createRoute({
  method: "post",
  operationId: "auth.verifyEmail",
  path: "/api/v1/auth/verify-email",
  tags: ["Auth"],
  summary: "Confirm an email address with the emailed token (self-registered accounts)",
  request: { body: jsonBody(z.object({ token: z.string().min(16).max(256) }).openapi("VerifyEmail")) },
  responses: { 204: { description: "Email confirmed; the account can sign in" }, ...problems(400, 404) },
});

export const verifyEmail: RouteHandler<typeof verifyEmailRoute, AppEnv> = async (c) => {
  const db = c.get("db");
  const [, used] = await db.batch(useEmailVerification(db, await hashSecretToken(c.req.valid("json").token)));
  const userId = used[0]?.userId;
  if (!userId)
    throw notFound("Tautan konfirmasi tidak berlaku atau sudah dipakai / Confirmation link invalid or already used");
  await recordAudit(db, {
    action: "auth.email_verified",
    actorUserId: userId,
    targetType: "user",
    targetId: userId,
    ip: clientIp(c),
  });
  return c.body(null, 204);
};
