import { LoginRequest, SessionResponse } from "@akrab/contracts";
import { findUserByEmail, recordAudit, setPassword } from "@akrab/db";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { AppEnv } from "../../env.ts";
import { clientIp } from "../../lib/client-ip.ts";
import { jsonBody, jsonResponse, problems } from "../../lib/openapi.ts";
import { Problem } from "../../middleware/problem/index.ts";
import { decoyPasswordHash, hashPassword, needsRehash, verifyPassword } from "../../services/password.ts";
import { openSession } from "../../services/sessions.ts";
import { forgiveSuccessfulLogin, throttleLogin } from "../../services/login-throttle.ts";

export const loginRoute = createRoute({
  method: "post",
  operationId: "auth.login",
  path: "/api/v1/auth/login",
  tags: ["Auth"],
  summary: "Sign in with email and password",
  description:
    "Returns a bearer token and sets an HttpOnly session cookie. Unknown email and wrong password get the same 401.",
  request: { body: jsonBody(LoginRequest) },
  responses: { 200: jsonResponse(SessionResponse, "Signed in"), ...problems(400, 401, 403, 429) },
});

export const login: RouteHandler<typeof loginRoute, AppEnv> = async (c) => {
  const { email, password } = c.req.valid("json");
  const db = c.get("db");
  const ip = clientIp(c);
  await throttleLogin(db, email, ip);

  const user = await findUserByEmail(db, email);
  const valid = await verifyPassword(password, user?.passwordHash ?? (await decoyPasswordHash()));
  if (!user?.passwordHash || !valid || user.status !== "active") {
    await recordAudit(db, { action: "auth.login_failed", actorUserId: user?.id ?? null, ip, data: { email } });
    throw new Problem("invalid-credentials", "Email atau kata sandi salah / Wrong email or password");
  }

  // Only after the right password, so this reveals nothing to someone guessing.
  if (!user.emailVerifiedAt) {
    throw new Problem(
      "email-unverified",
      "Konfirmasi email Anda dulu melalui tautan yang kami kirim / Confirm your email through the link we sent first",
    );
  }

  const rehash = needsRehash(user.passwordHash) ? [setPassword(db, user.id, await hashPassword(password))] : [];
  const session = openSession(c, user);
  await db.batch([
    session.insert,
    recordAudit(db, { action: "auth.login", actorUserId: user.id, targetType: "user", targetId: user.id, ip }),
    ...forgiveSuccessfulLogin(db, email, ip),
    ...rehash,
  ]);
  return c.json(await session.respond(), 200);
};
