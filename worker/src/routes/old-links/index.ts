import { pathOfOldLink } from "@akrab/domain";
import { Hono } from "hono";
import type { AppEnv } from "../../env.ts";

/**
 * Links of the web app from before the tenant moved into its path (`/permohonan/{id}?t={tenant}`,
 * in emails and notifications already sent, and in bookmarks): a permanent redirect to the page's
 * path now, made here so that it costs the app's pages nothing. `wrangler.toml` sends these paths to
 * the Worker first (`run_worker_first`); every other page under them (`/permohonan/baru`, the
 * lists) is the app's, served from the assets as before.
 */
export const oldLinkRedirects = new Hono<AppEnv>();
// Three plain paths, not one `:area{permohonan|lks|kemensos}` pattern: Hono's router joins every
// route into one expression, and that bare alternation then matched any path with `lks` in it
// (`/api/v1/national/reports/lks` answered with the app's HTML).
for (const area of ["permohonan", "lks", "kemensos"]) {
  oldLinkRedirects.get(`/${area}/*`, (c) => {
    const moved = pathOfOldLink(new URL(c.req.url));
    return moved ? c.redirect(moved, 301) : c.env.ASSETS.fetch(c.req.raw);
  });
}
