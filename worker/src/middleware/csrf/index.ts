import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../../env.ts";
import { Problem } from "../problem/index.ts";
import { readSessionCookie } from "../auth/session-cookie.ts";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Refuses state-changing requests from other sites. A browser always sends Origin on a
 * cross-site POST/PUT/PATCH/DELETE; when it names another origin the request is refused outright
 * (that also stops login CSRF, where no cookie exists yet). A request that carries the session
 * cookie must prove it is same-origin, by Origin or Sec-Fetch-Site; bearer-token clients are
 * not exposed to CSRF and are let through.
 */
export const csrf = () =>
  createMiddleware<AppEnv>(async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const ownOrigin = new URL(c.req.url).origin;
    const origin = c.req.header("origin");
    if (origin && origin !== ownOrigin) throw rejected();
    const usesCookie = !c.req.header("authorization") && readSessionCookie(c) !== undefined;
    if (usesCookie && origin !== ownOrigin && c.req.header("sec-fetch-site") !== "same-origin") throw rejected();
    await next();
  });

function rejected(): Problem {
  return new Problem("csrf-rejected", "Permintaan dari situs lain ditolak / Cross-site request refused");
}
