import { SignJWT, jwtVerify } from "jose";
import type { Bindings } from "../env.ts";
import { Problem } from "../middleware/problem/index.ts";

/** Access tokens are short-lived; the session row behind them is what can be revoked. */
export const ACCESS_TOKEN_TTL_SECONDS = 60 * 60;
/** A session lasts at most this long, however often its token is renewed. */
export const SESSION_TTL_SECONDS = 14 * 24 * 60 * 60;

const ISSUER = "akrab";
const AUDIENCE = "akrab-api";
const ALGORITHM = "HS256";

/** Used only when ENVIRONMENT is "development" (wrangler dev, tests); production refuses it. */
export const DEV_JWT_SECRET = "akrab-local-development-secret-do-not-use-in-production";

export interface AccessClaims {
  userId: string;
  sessionId: string;
  issuedAt: number;
  expiresAt: number;
}

function signingKey(env: Bindings): Uint8Array {
  const secret = env.JWT_SECRET ?? (env.ENVIRONMENT === "development" ? DEV_JWT_SECRET : undefined);
  if (!secret || (env.ENVIRONMENT !== "development" && (secret === DEV_JWT_SECRET || secret.length < 32))) {
    throw new Problem(
      "misconfigured",
      "JWT_SECRET harus diatur (minimal 32 karakter) / JWT_SECRET must be set to at least 32 characters",
    );
  }
  return new TextEncoder().encode(secret);
}

export async function signAccessToken(
  env: Bindings,
  userId: string,
  sessionId: string,
): Promise<{ token: string; expiresAt: number }> {
  const now = Math.floor(Date.now() / 1000);
  const expiresAt = now + ACCESS_TOKEN_TTL_SECONDS;
  const token = await new SignJWT({ sid: sessionId })
    .setProtectedHeader({ alg: ALGORITHM, typ: "JWT" })
    .setSubject(userId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(expiresAt)
    .sign(signingKey(env));
  return { token, expiresAt };
}

/** Null for any token that is malformed, forged, expired, or signed with another algorithm. */
export async function verifyAccessToken(env: Bindings, token: string): Promise<AccessClaims | null> {
  const key = signingKey(env);
  try {
    const { payload } = await jwtVerify(token, key, { algorithms: [ALGORITHM], issuer: ISSUER, audience: AUDIENCE });
    if (typeof payload.sub !== "string" || typeof payload.sid !== "string" || !payload.iat || !payload.exp) return null;
    return { userId: payload.sub, sessionId: payload.sid, issuedAt: payload.iat, expiresAt: payload.exp };
  } catch {
    return null;
  }
}
