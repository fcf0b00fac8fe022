import { canActAs, resolveTenantAccess, type Role } from "@akrab/domain";
import { childTenantIds, findActiveTenantBySlug, tenantScope } from "@akrab/db";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../../env.ts";
import { Problem, notFound } from "../problem/index.ts";

/**
 * For /api/v1/t/{tenant}/…: resolves the tenant from the URL (never from a body), checks that the
 * caller reaches it (own membership, parent province, or national reader) and hands the handler a
 * tenant-scoped data access object. A tenant the caller cannot reach is a 404, like a missing one.
 */
export const tenant = () =>
  createMiddleware<AppEnv>(async (c, next) => {
    const principal = c.get("principal");
    if (!principal) throw new Problem("unauthenticated", "Silakan masuk terlebih dahulu / Please sign in");
    const db = c.get("db");
    const found = await findActiveTenantBySlug(db, c.req.param("tenant") ?? "");
    const grants = principal.memberships.map((m) => ({ role: m.role, tenantId: m.tenant?.id ?? null, lksId: m.lks?.id ?? null }));
    const access = found ? resolveTenantAccess(grants, found) : null;
    if (!found || !access) throw notFound();
    // A province reads its kab/kota's rows too; every other tenant reads only its own.
    const readable = found.level === "province" ? [found.id, ...(await childTenantIds(db, found.id))] : [found.id];
    c.set("access", access);
    c.set("scope", tenantScope(db, found, readable));
    await next();
  });

/**
 * Changes inside a tenant need one of `roles` held in that very tenant. A province or national
 * reader who can see the tenant gets 403: the object's existence is already known to them.
 */
export const requireTenantRole = (...roles: Role[]) =>
  createMiddleware<AppEnv>(async (c, next) => {
    if (!canActAs(c.get("access"), roles)) {
      throw new Problem("forbidden", `Tindakan ini memerlukan peran ${roles.join(" / ")} / This action needs role ${roles.join(" or ")}`);
    }
    await next();
  });
