import { refreshStaleReports } from "@akrab/db";
import { createMiddleware } from "hono/factory";
import type { NationalEnv, TenantEnv } from "../../env.ts";
import { notFound } from "../../middleware/problem/index.ts";

/** The roles inside a tenant that read its reports: its Dinsos staff (not an LKS operator, not an asesor). */
const DINSOS_ROLES = new Set(["tenant_admin", "dinsos_verifier", "dinsos_head"]);

/**
 * Tenant reports are for the Dinsos, its province and national readers. An LKS operator or an
 * asesor reaching the tenant through its own LKS or assignment gets a 404, as for any object
 * outside their reach.
 */
export const dinsosReaders = createMiddleware<TenantEnv>(async (c, next) => {
  const access = c.get("access");
  const ok =
    access?.via === "province" ||
    access?.via === "national" ||
    (access?.via === "member" && access.roles.some((r) => DINSOS_ROLES.has(r)));
  if (!ok) throw notFound();
  await next();
});

/**
 * Before a report answers: the tenants it counts whose roll-up is missing or lags beyond the cron's
 * bound are recomputed first (packages/db `refreshStaleReports`), so a fresh `npm start`, which has
 * no cron, shows figures on the first visit; in production the cron keeps them fresh and this is
 * one read of `report_state`.
 */
export const freshNationalReports = createMiddleware<NationalEnv>(async (c, next) => {
  await refreshStaleReports(c.get("db"), c.get("national").reports.reach);
  await next();
});

export const freshTenantReports = createMiddleware<TenantEnv>(async (c, next) => {
  await refreshStaleReports(c.get("db"), c.get("scope").reports.reach);
  await next();
});
