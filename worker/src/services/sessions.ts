import { membershipsOf, newSession, type Db, type MembershipView, type User } from "@akrab/db";
import { registryPermissions, resolveTenantAccess } from "@akrab/domain";
import type { Context } from "hono";
import type { AppEnv } from "../env.ts";
import { clientIp } from "../lib/client-ip.ts";
import { writeSessionCookie } from "../middleware/auth/index.ts";
import { withholdFromReplay } from "../middleware/idempotency/index.ts";
import { grantsOf } from "./applications.ts";
import { SESSION_TTL_SECONDS, signAccessToken } from "./tokens.ts";

/**
 * Prepares a session for `user`: the caller puts `insert` in the batch of the change that signs
 * the user in (after any statement that creates the user), then calls `respond()` to sign the
 * token, set the browser cookie and get the login response body.
 */
export function openSession(c: Context<AppEnv>, user: User) {
  const db = c.get("db");
  const { session, insert } = newSession(db, {
    userId: user.id,
    ip: clientIp(c),
    userAgent: c.req.header("user-agent") ?? null,
    ttlSeconds: SESSION_TTL_SECONDS,
  });
  return {
    insert,
    async respond() {
      const { token, expiresAt } = await signAccessToken(c.env, user.id, session.id);
      withholdFromReplay(c);
      writeSessionCookie(c, token, SESSION_TTL_SECONDS);
      return { token, expiresAt: new Date(expiresAt * 1000).toISOString(), ...(await describeUser(db, user)) };
    },
  };
}

async function describeUser(db: Db, user: User) {
  return describeSession(user, await membershipsOf(db, user.id));
}

/** The user, their memberships and what they may do in each tenant they belong to (GET /auth/me, sign-in). */
export function describeSession(user: User, memberships: readonly MembershipView[]) {
  return {
    user: { id: user.id, email: user.email, name: user.name },
    memberships: memberships.map(publicMembership),
    tenantPermissions: tenantPermissionsOf(memberships),
  };
}

/**
 * The registry permissions per tenant, decided here so no client restates the roles behind them
 * (a tenant reached only through its province or nationally allows no registration: not listed).
 */
function tenantPermissionsOf(memberships: readonly MembershipView[]) {
  const grants = grantsOf(memberships);
  const tenants = new Map(memberships.flatMap((m) => (m.tenant ? [[m.tenant.id, m.tenant] as const] : [])));
  return [...tenants.values()].flatMap((tenant) => {
    const access = resolveTenantAccess(grants, tenant);
    return access ? [{ tenant: tenant.slug, ...registryPermissions(access) }] : [];
  });
}

/** Internal ids of tenants stay on the server; clients address tenants by slug. */
function publicMembership(m: MembershipView) {
  return {
    id: m.id,
    role: m.role,
    tenant: m.tenant && {
      slug: m.tenant.slug,
      name: m.tenant.name,
      level: m.tenant.level,
      regionCode: m.tenant.regionCode,
    },
    lks: m.lks,
  };
}
