import {
  assignmentAccess,
  canActAs,
  holdsNationalRole,
  resolveTenantAccess,
  roleList,
  visibleLksIds,
  type MembershipGrant,
  type Role,
} from "@akrab/domain";
import {
  assignedApplications,
  childTenantIds,
  findTenantBySlug,
  tenantScope,
  type Tenant,
  type TenantLookup,
  type TenantScope,
} from "@akrab/db";
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
    const grants = principal.memberships.map((m) => ({
      role: m.role,
      tenantId: m.tenant?.id ?? null,
      lksId: m.lks?.id ?? null,
    }));
    const active = found && found.status === "active" ? found : null;
    const access = active ? resolveTenantAccess(grants, active) : null;
    if (!active) throw notFound();
    if (!access) return byAssignment(c, principal.user, active, grants, next);
    // A province reads its kab/kota's rows too; every other tenant reads only its own.
    const readable = active.level === "province" ? [active.id, ...childIds] : [active.id];
    const lksIds = visibleLksIds(access);
    const scope = tenantScope(c.get("db"), active, { readable, lksIds });
    c.set("access", access);
    c.set("scope", scope);
    if (lksIds) await requireReachableLksObject(scope, c.req.path);
    await next();
  });

/** What an asesor reaches in a tenant through an assignment: one application's routes, nothing else. */
const ASSIGNED_APPLICATION_PATH = /^\/api\/v1\/t\/[^/]+\/applications\/([^/]+)(?:\/|$)/;
/**
 * And the tus uploads, for the photos of their score sheet (issue 13): where an upload may land is
 * decided by its target (`resolveSlot` admits an asesor only to a photo of their own accepted
 * assignment), and an upload in progress is reachable only by the asesor who started it.
 */
const UPLOADS_PATH = /^\/api\/v1\/t\/[^/]+\/uploads(?:\/[^/]+)?$/;

/**
 * The assignment axis, decided here once for every tenant route: a caller the tenant is otherwise
 * invisible to may be an asesor on the team of some of its applications. They reach exactly the
 * routes of those applications (their own tenant only, their LKS only); every other route of the
 * tenant, and every other application, is a 404 as if the tenant did not exist for them.
 */
async function byAssignment(
  c: Context<TenantEnv>,
  user: { id: string; email: string },
  found: Tenant,
  grants: MembershipGrant[],
  next: () => Promise<void>,
) {
  const [, rawId] = c.req.path.match(ASSIGNED_APPLICATION_PATH) ?? [];
  const uploads = UPLOADS_PATH.test(c.req.path);
  if ((!rawId && !uploads) || !holdsNationalRole(grants, ["asesor"])) throw notFound();
  const db = c.get("db");
  const assigned = await assignedApplications(db, user, found.id);
  const access = assignmentAccess(
    grants,
    assigned.map((a) => a.applicationId),
  );
  if (access?.via !== "assignment" || access.applicationIds.length === 0) throw notFound();
  if (rawId) {
    let id: string;
    try {
      id = decodeURIComponent(rawId);
    } catch {
      throw notFound();
    }
    if (!access.applicationIds.includes(id)) throw notFound();
  }
  const lksIds = [...new Set(assigned.map((a) => a.lksId))];
  c.set("access", access);
  c.set("scope", tenantScope(db, found, { readable: [found.id], lksIds }));
  await next();
}

/** How the LKS-owned object a path names is looked up through the scope, by the path's resource segment. */
const LKS_OBJECTS: Record<string, (scope: TenantScope, id: string) => Promise<unknown>> = {
  lks: (scope, id) => scope.lks.find(id),
  applications: (scope, id) => scope.applications.find(id),
  uploads: (scope, id) => scope.documents.findUpload(id),
  documents: (scope, id) => scope.documents.findDocument(id),
};
const LKS_OBJECT_PATH = /^\/api\/v1\/t\/[^/]+\/(lks|applications|uploads|documents)\/([^/]+)/;

/**
 * For an LKS operator, the object a path names must be its own LKS's, before any route-level
 * check runs: another LKS's application answers 404 even on a route whose role check would
 * otherwise say 403 (and so confirm that it exists). The scope already hides other LKS's rows
 * from every query; this makes the answer the same on every route. Staff scopes skip it, so the
 * extra round trip is paid by operators only, on routes that name an object.
 */
async function requireReachableLksObject(scope: TenantScope, path: string) {
  const [, resource, rawId] = path.match(LKS_OBJECT_PATH) ?? [];
  if (!resource || !rawId) return;
  let id: string;
  try {
    id = decodeURIComponent(rawId);
  } catch {
    throw notFound();
  }
  const reachable = LKS_OBJECTS[resource];
  if (!reachable || !(await reachable(scope, id))) throw notFound();
}

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
      throw new Problem(
        "forbidden",
        `Tindakan ini memerlukan peran ${roleList(roles)} / This action needs the role ${roleList(roles, "en")}`,
      );
    }
    await next();
  });
