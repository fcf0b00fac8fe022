import { loadPrincipalAndTenant, type Principal } from "@akrab/db";
import { createMiddleware } from "hono/factory";
import type { AppEnv, AuthedEnv } from "../../env.ts";
import { ACCESS_TOKEN_TTL_SECONDS, signAccessToken, verifyAccessToken } from "../../services/tokens.ts";
import { Problem } from "../problem/index.ts";
import { clearSessionCookie, readSessionCookie, writeSessionCookie } from "./session-cookie.ts";

export { clearSessionCookie, writeSessionCookie } from "./session-cookie.ts";

/**
 * Resolves the caller from `Authorization: Bearer` or the session cookie. A token is honoured only
 * while its server-side session is live, so logout and revocation take effect at once. Browser
 * tokens past half their life are renewed in the cookie, so an active user stays signed in until
 * the session itself ends.
 *
 * On /api/v1/t/{tenant}/… the tenant named in the path is fetched in the same D1 batch as the
 * session, user and memberships, so the tenant middleware needs no round trip of its own (the
 * slug is read from the path here because app-wide middleware runs before route parameters
 * exist). The tenant middleware still decides access; this only saves the trip.
 *
 * D1's Sessions API (`withSession`, read replicas with bookmarks) is not used: the session row
 * must come from the primary so that a revocation counts on the very next request, and every
 * authenticated request reads it; a replica could answer with a session revoked moments ago.
 */
export const authenticate = () =>
  createMiddleware<AppEnv>(async (c, next) => {
    const header = c.req.header("authorization");
    const bearer = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
    const token = bearer ?? readSessionCookie(c);
    if (header && !bearer)
      throw new Problem(
        "unauthenticated",
        "Header Authorization harus berbentuk 'Bearer <token>' / Malformed Authorization header",
      );
    if (!token) return next();

    const claims = await verifyAccessToken(c.env, token);
    const loaded = claims
      ? await loadPrincipalAndTenant(c.get("db"), claims.sessionId, tenantSlugOf(c.req.path))
      : null;
    const principal = loaded?.principal ?? null;
    if (!claims || !principal || principal.user.id !== claims.userId) {
      if (bearer)
        throw new Problem(
          "unauthenticated",
          "Token tidak berlaku atau sesi telah berakhir / Token invalid or session ended",
        );
      clearSessionCookie(c);
      return next();
    }
    c.set("principal", principal);
    c.set("tenantLookup", loaded?.tenant ?? undefined);
    c.set("credential", bearer ? "bearer" : "cookie");

    const now = Math.floor(Date.now() / 1000);
    if (!bearer && claims.expiresAt - now < ACCESS_TOKEN_TTL_SECONDS / 2) {
      const renewed = await signAccessToken(c.env, principal.user.id, principal.session.id);
      writeSessionCookie(c, renewed.token, secondsUntil(principal.session.expiresAt));
    }
    await next();
  });

const TENANT_PATH = /^\/api\/v1\/t\/([^/]+)(?:\/|$)/;

/** The tenant slug of a tenant route's path, or null elsewhere. */
export function tenantSlugOf(path: string): string | null {
  const slug = path.match(TENANT_PATH)?.[1];
  if (!slug) return null;
  try {
    return decodeURIComponent(slug);
  } catch {
    return null;
  }
}

/** The caller must be signed in, or gets a 401; handlers behind it see `principal` as present (`AuthedEnv`). */
export const requireAuth = () =>
  createMiddleware<AuthedEnv>(async (c, next) => {
    signedIn(c.get("principal"));
    await next();
  });

/** The caller, or a 401: every middleware that needs a principal asks through this. */
export function signedIn(principal: Principal | undefined): Principal {
  if (!principal) throw new Problem("unauthenticated", "Silakan masuk terlebih dahulu / Please sign in");
  return principal;
}

function secondsUntil(isoTime: string): number {
  return Math.max(0, Math.floor((Date.parse(isoTime) - Date.now()) / 1000));
}
