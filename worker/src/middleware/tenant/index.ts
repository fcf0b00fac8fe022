import { canActAs, resolveTenantAccess, visibleLksIds, type Role } from "@akrab/domain";
import { childTenantIds, findTenantBySlug, tenantScope, type TenantLookup } from "@akrab/db";
import { createMiddleware } from "hono/factory";
import type { Context } from "hono";
import type { AppEnv, TenantEnv } from "../../env.ts";
import { signedIn } from "../auth/index.ts";
import { Problem, notFound } from "../problem/index.ts";

/**
 * For /api/v1/t/{tenant}/…: resolves the tenant from the URL (never from a body), checks that the
 * caller reaches it (own membership, parent province, or national reader) and hands the handler a
 * tenant-scoped data access object. A tenant the caller cannot reach is a 404, like a missing one.
 *
 * The scope carries both axes: the tenants it reads and, for a caller who is nothing but an LKS
 * operator, the only LKS it sees; another LKS's objects read as missing, so every route answers
 * 404 without checking it itself.
 */
export const tenant = () =>
  createMiddleware<TenantEnv>(async (c, next) => {
    const principal = signedIn(c.get("principal"));
    const slug = c.req.param("tenant") ?? "";
    const { tenant: found, childIds } = await lookup(c, slug);
    const grants = principal.memberships.map((m) => ({ role: m.role, tenantId: m.tenant?.id ?? null, lksId: m.lks?.id ?? null }));
    const access = found && found.status === "active" ? resolveTenantAccess(grants, found) : null;
    if (!found || !access) throw notFound();
    // A province reads its kab/kota's rows too; every other tenant reads only its own.
    const readable = found.level === "province" ? [found.id, ...childIds] : [found.id];
    c.set("access", access);
    c.set("scope", tenantScope(c.get("db"), found, { readable, lksIds: visibleLksIds(access) }));
    await next();
  });

/** The tenant fetched with the principal (one round trip), or, when mounted without it, a lookup of its own. */
async function lookup(c: Context<TenantEnv>, slug: string): Promise<TenantLookup> {
  const prefetched = c.get("tenantLookup");
  if (prefetched && prefetched.slug === slug) return prefetched;
  const db = c.get("db");
  const found = await findTenantBySlug(db, slug);
  return { slug, tenant: found, childIds: found?.level === "province" ? await childTenantIds(db, found.id) : [] };
}

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
