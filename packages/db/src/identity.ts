import type { Role } from "@akrab/domain";
import { and, eq, exists, gt, inArray, isNull, lt, sql, type SQL } from "drizzle-orm";
import type { Db } from "./client.ts";
import { isoNow, newId } from "./client.ts";
import type { Tenant } from "./tenants.ts";
import {
  emailVerifications,
  invitations,
  lks,
  memberships,
  passwordResets,
  sessions,
  tenants,
  users,
} from "./schema.ts";

export type User = typeof users.$inferSelect;
export type Session = typeof sessions.$inferSelect;

export interface MembershipView {
  id: string;
  role: Role;
  tenant: {
    id: string;
    slug: string;
    name: string;
    level: "province" | "kabkota";
    parentId: string | null;
    regionCode: string;
  } | null;
  lks: { id: string; name: string } | null;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function findUserByEmail(db: Db, email: string): Promise<User | null> {
  return (await db.query.users.findFirst({ where: eq(users.email, normaliseEmail(email)) })) ?? null;
}

export async function findUserById(db: Db, id: string): Promise<User | null> {
  return (await db.query.users.findFirst({ where: eq(users.id, id) })) ?? null;
}

/** Memberships in active tenants only: deactivating a tenant cuts its users off without deleting anything. */
export async function membershipsOf(db: Db, userId: string): Promise<MembershipView[]> {
  return toMembershipViews(await membershipsQuery(db, eq(memberships.userId, userId)));
}

/**
 * Every selected column has a distinct SQL name: drizzle maps D1 batch results by column name,
 * so two columns both called `id` or `name` would overwrite each other inside a batch.
 */
function membershipsQuery(db: Db, whereUser: SQL) {
  return db
    .select({
      id: memberships.id,
      role: memberships.role,
      tenantId: memberships.tenantId,
      tenantSlug: tenants.slug,
      tenantName: tenants.name,
      tenantLevel: tenants.level,
      tenantParentId: tenants.parentId,
      tenantStatus: tenants.status,
      tenantRegionCode: tenants.regionCode,
      lksId: memberships.lksId,
      lksName: sql<string | null>`${lks.name}`.as("lks_name"),
    })
    .from(memberships)
    .leftJoin(tenants, eq(tenants.id, memberships.tenantId))
    .leftJoin(lks, eq(lks.id, memberships.lksId))
    .where(whereUser)
    .orderBy(memberships.createdAt, memberships.id);
}

type MembershipRow = Awaited<ReturnType<typeof membershipsQuery>>[number];

function toMembershipViews(rows: MembershipRow[]): MembershipView[] {
  return rows
    .filter((r) => r.tenantStatus === null || r.tenantStatus === "active")
    .map((r) => ({
      id: r.id,
      role: r.role,
      tenant:
        r.tenantId && r.tenantSlug && r.tenantName && r.tenantLevel && r.tenantRegionCode
          ? {
              id: r.tenantId,
              slug: r.tenantSlug,
              name: r.tenantName,
              level: r.tenantLevel,
              parentId: r.tenantParentId,
              regionCode: r.tenantRegionCode,
            }
          : null,
      lks: r.lksId && r.lksName ? { id: r.lksId, name: r.lksName } : null,
    }));
}

export interface Principal {
  user: User;
  session: Session;
  memberships: MembershipView[];
}

/** The tenant named in a request's path, fetched together with the caller (see `loadPrincipalAndTenant`). */
export interface TenantLookup {
  slug: string;
  /** The tenant with that slug, active or not (the tenant middleware decides), or null. */
  tenant: Tenant | null;
  /** Its kab/kota when it is a province (empty otherwise). */
  childIds: string[];
}

/**
 * The caller behind a session id, or null when the session is unknown, revoked, expired or its
 * user disabled. Runs on every authenticated request, so session, user and memberships come back
 * in one D1 round trip (one batch); when the path names a tenant, that tenant and its kab/kota ride
 * in the same batch, so a tenant route reaches its handler after exactly one round trip. The
 * session row is read every time: revocation takes effect on the next request.
 */
export async function loadPrincipalAndTenant(
  db: Db,
  sessionId: string,
  tenantSlug: string | null,
  now = Date.now(),
): Promise<{ principal: Principal | null; tenant: TenantLookup | null }> {
  const live = () => and(eq(sessions.id, sessionId), isNull(sessions.revokedAt), gt(sessions.expiresAt, isoNow(now)));
  const sessionUser = () => db.select({ id: sessions.userId }).from(sessions).where(live());
  const principalQueries = [
    db.select().from(sessions).where(live()),
    db.select().from(users).where(inArray(users.id, sessionUser())),
    membershipsQuery(db, inArray(memberships.userId, sessionUser())),
  ] as const;
  if (tenantSlug === null) {
    const [[session], [user], membershipRows] = await db.batch(principalQueries);
    return { principal: principalOf(session, user, membershipRows), tenant: null };
  }
  const bySlug = db.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, tenantSlug));
  const [[session], [user], membershipRows, [tenant], children] = await db.batch([
    ...principalQueries,
    db.select().from(tenants).where(eq(tenants.slug, tenantSlug)),
    db.select({ childId: tenants.id }).from(tenants).where(inArray(tenants.parentId, bySlug)),
  ]);
  return {
    principal: principalOf(session, user, membershipRows),
    tenant: { slug: tenantSlug, tenant: tenant ?? null, childIds: children.map((c) => c.childId) },
  };
}

function principalOf(
  session: Session | undefined,
  user: User | undefined,
  membershipRows: MembershipRow[],
): Principal | null {
  if (!session || !user || user.status !== "active") return null;
  return { session, user, memberships: toMembershipViews(membershipRows) };
}

export function newSession(
  db: Db,
  input: { userId: string; ip: string | null; userAgent: string | null; ttlSeconds: number },
) {
  const now = Date.now();
  const session: Session = {
    id: newId(now),
    userId: input.userId,
    createdAt: isoNow(now),
    expiresAt: isoNow(now + input.ttlSeconds * 1000),
    revokedAt: null,
    ip: input.ip,
    userAgent: input.userAgent?.slice(0, 256) ?? null,
  };
  return { session, insert: db.insert(sessions).values(session) };
}

export function revokeSession(db: Db, sessionId: string) {
  return db
    .update(sessions)
    .set({ revokedAt: isoNow() })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
}

export function revokeAllSessions(db: Db, userId: string) {
  return db
    .update(sessions)
    .set({ revokedAt: isoNow() })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
}

export function setPassword(db: Db, userId: string, passwordHash: string) {
  return db.update(users).set({ passwordHash, updatedAt: isoNow() }).where(eq(users.id, userId));
}

export type Invitation = typeof invitations.$inferSelect;

export interface InvitationView extends Invitation {
  tenant: { slug: string; name: string } | null;
  lks: { id: string; name: string } | null;
}

/** A pending invitation: not accepted, not expired, its tenant still active. */
export async function findPendingInvitation(
  db: Db,
  tokenHash: string,
  now = Date.now(),
): Promise<InvitationView | null> {
  const [row] = await db
    .select({
      invitation: invitations,
      tenantSlug: tenants.slug,
      tenantName: tenants.name,
      tenantStatus: tenants.status,
      lksName: lks.name,
    })
    .from(invitations)
    .leftJoin(tenants, eq(tenants.id, invitations.tenantId))
    .leftJoin(lks, eq(lks.id, invitations.lksId))
    .where(
      and(eq(invitations.tokenHash, tokenHash), isNull(invitations.acceptedAt), gt(invitations.expiresAt, isoNow(now))),
    );
  if (!row || (row.invitation.tenantId && row.tenantStatus !== "active")) return null;
  const { invitation } = row;
  return {
    ...invitation,
    tenant: row.tenantSlug && row.tenantName ? { slug: row.tenantSlug, name: row.tenantName } : null,
    lks: invitation.lksId && row.lksName ? { id: invitation.lksId, name: row.lksName } : null,
  };
}

/**
 * Marks the invitation accepted only if nobody accepted it first; callers batch it with the
 * membership insert, and the unique membership index turns a racing second accept into a failure.
 */
export function markInvitationAccepted(db: Db, invitationId: string) {
  return db
    .update(invitations)
    .set({ acceptedAt: isoNow() })
    .where(and(eq(invitations.id, invitationId), isNull(invitations.acceptedAt)))
    .returning({ id: invitations.id });
}

/** `emailVerified`: true when the account is created by following an emailed link (an invitation). */
export function insertUser(
  db: Db,
  input: { email: string; name: string; passwordHash: string | null; emailVerified: boolean },
) {
  const now = isoNow();
  const user: User = {
    id: newId(),
    email: normaliseEmail(input.email),
    name: input.name,
    passwordHash: input.passwordHash,
    status: "active",
    emailVerifiedAt: input.emailVerified ? now : null,
    createdAt: now,
    updatedAt: now,
  };
  return { user, insert: db.insert(users).values(user) };
}

/**
 * `order` keeps several memberships granted at once in the order given: ids start with the time,
 * and a person's memberships are listed (and the first one acted in) by creation time, then id.
 */
export function insertMembership(
  db: Db,
  input: { userId: string; tenantId: string | null; role: Role; lksId: string | null },
  order = 0,
) {
  const now = Date.now();
  return db
    .insert(memberships)
    .values({ id: newId(now + order), createdAt: isoNow(now), ...input })
    .onConflictDoNothing();
}

/** The roles anyone holds in a tenant, each once: whether a Dinsos already has staff. */
export async function rolesHeldInTenant(db: Db, tenantId: string): Promise<Role[]> {
  const rows = await db
    .selectDistinct({ role: memberships.role })
    .from(memberships)
    .where(eq(memberships.tenantId, tenantId));
  return rows.map((row) => row.role);
}

export function newPasswordReset(db: Db, input: { userId: string; tokenHash: string; ttlSeconds: number }) {
  const now = Date.now();
  return db.insert(passwordResets).values({
    id: newId(now),
    userId: input.userId,
    tokenHash: input.tokenHash,
    expiresAt: isoNow(now + input.ttlSeconds * 1000),
    usedAt: null,
    createdAt: isoNow(now),
  });
}

export async function findPendingPasswordReset(db: Db, tokenHash: string, now = Date.now()) {
  return (
    (await db.query.passwordResets.findFirst({
      where: and(
        eq(passwordResets.tokenHash, tokenHash),
        isNull(passwordResets.usedAt),
        gt(passwordResets.expiresAt, isoNow(now)),
      ),
    })) ?? null
  );
}

/**
 * The statements that use a reset token, for one batch. The password changes only while the token
 * is still unused, so of two concurrent uses exactly one takes effect; the last statement's
 * returned row tells the caller whether it was this one.
 */
export function usePasswordReset(db: Db, reset: { id: string; userId: string }, passwordHash: string) {
  const stillUnused = and(eq(passwordResets.id, reset.id), isNull(passwordResets.usedAt));
  return [
    db
      .update(users)
      .set({ passwordHash, updatedAt: isoNow() })
      .where(
        and(eq(users.id, reset.userId), exists(db.select({ one: sql`1` }).from(passwordResets).where(stillUnused))),
      ),
    revokeAllSessions(db, reset.userId),
    db.update(passwordResets).set({ usedAt: isoNow() }).where(stillUnused).returning({ id: passwordResets.id }),
  ] as const;
}

/** Sessions that ended long ago carry nothing worth keeping (logins are in the audit log). */
export function deleteSessionsEndedBefore(db: Db, isoTime: string) {
  return db.delete(sessions).where(lt(sessions.expiresAt, isoTime));
}

export function newEmailVerification(db: Db, input: { userId: string; tokenHash: string; ttlSeconds: number }) {
  const now = Date.now();
  const expiresAt = isoNow(now + input.ttlSeconds * 1000);
  return {
    expiresAt,
    insert: db.insert(emailVerifications).values({
      id: newId(now),
      userId: input.userId,
      tokenHash: input.tokenHash,
      expiresAt,
      usedAt: null,
      createdAt: isoNow(now),
    }),
  };
}

/** Marks the email verified if the token is live; the last statement's rows say whether it was. */
export function useEmailVerification(db: Db, tokenHash: string, now = Date.now()) {
  const live = and(
    eq(emailVerifications.tokenHash, tokenHash),
    isNull(emailVerifications.usedAt),
    gt(emailVerifications.expiresAt, isoNow(now)),
  );
  return [
    db
      .update(users)
      .set({ emailVerifiedAt: isoNow(now), updatedAt: isoNow(now) })
      .where(inArray(users.id, db.select({ id: emailVerifications.userId }).from(emailVerifications).where(live))),
    db
      .update(emailVerifications)
      .set({ usedAt: isoNow(now) })
      .where(live)
      .returning({ userId: emailVerifications.userId }),
  ] as const;
}
