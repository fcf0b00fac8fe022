import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../../env.ts";

/**
 * Every API answer is `Cache-Control: no-store` unless its handler chose otherwise: almost every
 * answer carries a credential (login, invitation acceptance) or personal data (names, NIK, phone
 * numbers), and a forgotten header must not let a shared cache or the browser's disk keep them.
 * Handlers that mean to be cached say so themselves (region lists: public; document bytes: private,
 * no-cache with an ETag; a tenant's logo: private).
 */
export const noStoreByDefault = () =>
  createMiddleware<AppEnv>(async (c, next) => {
    await next();
    if (!c.res.headers.has("cache-control")) c.res.headers.set("cache-control", "no-store");
  });
