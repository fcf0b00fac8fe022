import { holdsNationalRole, type Role } from "@akrab/domain";
import { loadPrincipal } from "@akrab/db";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../../env.ts";
import { ACCESS_TOKEN_TTL_SECONDS, signAccessToken, verifyAccessToken } from "../../services/tokens.ts";
import { Problem } from "../problem/index.ts";
import { clearSessionCookie, readSessionCookie, writeSessionCookie } from "./session-cookie.ts";

export { clearSessionCookie, writeSessionCookie } from "./session-cookie.ts";

/**
 * Resolves the caller from `Authorization: Bearer` or the session cookie. A token is honoured only
 * while its server-side session is live, so logout and revocation take effect at once. Browser
 * tokens past half their life are renewed in the cookie, so an active user stays signed in until
 * the session itself ends.
 */
export const authenticate = () =>
  createMiddleware<AppEnv>(async (c, next) => {
    const header = c.req.header("authorization");
    const bearer = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
    const token = bearer ?? readSessionCookie(c);
    if (header && !bearer) throw new Problem("unauthenticated", "Header Authorization harus berbentuk 'Bearer <token>' / Malformed Authorization header");
    if (!token) return next();

    const claims = await verifyAccessToken(c.env, token);
    const principal = claims ? await loadPrincipal(c.get("db"), claims.sessionId) : null;
    if (!claims || !principal || principal.user.id !== claims.userId) {
      if (bearer) throw new Problem("unauthenticated", "Token tidak berlaku atau sesi telah berakhir / Token invalid or session ended");
      clearSessionCookie(c);
      return next();
    }
    c.set("principal", principal);
    c.set("credential", bearer ? "bearer" : "cookie");

    const now = Math.floor(Date.now() / 1000);
    if (!bearer && claims.expiresAt - now < ACCESS_TOKEN_TTL_SECONDS / 2) {
      const renewed = await signAccessToken(c.env, principal.user.id, principal.session.id);
      writeSessionCookie(c, renewed.token, secondsUntil(principal.session.expiresAt));
    }
    await next();
  });

export const requireAuth = () =>
  createMiddleware<AppEnv>(async (c, next) => {
    if (!c.get("principal")) throw new Problem("unauthenticated", "Silakan masuk terlebih dahulu / Please sign in");
    await next();
  });

/** National routes: the caller must hold one of `roles` nationally; everyone else gets a 404. */
export const requireNationalRole = (...roles: Role[]) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const principal = c.get("principal");
    if (!principal) throw new Problem("unauthenticated", "Silakan masuk terlebih dahulu / Please sign in");
    const grants = principal.memberships.map((m) => ({ role: m.role, tenantId: m.tenant?.id ?? null, lksId: m.lks?.id ?? null }));
    if (!holdsNationalRole(grants, roles)) throw new Problem("not-found", "Sumber daya tidak ditemukan / Resource not found");
    await next();
  });

export function secondsUntil(isoTime: string): number {
  return Math.max(0, Math.floor((Date.parse(isoTime) - Date.now()) / 1000));
}
