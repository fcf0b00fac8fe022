import type { Role } from "@akrab/domain";
import { and, asc, eq, gt, inArray, isNull, or } from "drizzle-orm";
import type { Db } from "./client.ts";
import { isoNow, newId } from "./client.ts";
import { decodeCursor, toPage, type Page } from "./pagination.ts";
import { invitations, lks, memberships, users } from "./schema.ts";
import type { Tenant } from "./tenants.ts";

export type Lks = typeof lks.$inferSelect;

export interface LksListOptions {
  cursor?: string | undefined;
  limit: number;
  /** Restricts the list to these LKS (an operator sees only its own). */
  onlyIds?: readonly string[] | undefined;
}

export interface MemberView {
  membershipId: string;
  role: Role;
  user: { id: string; email: string; name: string; status: "active" | "disabled" };
  lks: { id: string; name: string } | null;
}

/**
 * Every read and write of tenant-owned rows goes through this object, built by the tenant
 * middleware for the tenant in the URL. Each query carries `tenant_id = ?`, so a handler cannot
 * reach another tenant's rows even by passing a foreign id.
 */
export function tenantScope(db: Db, tenant: Tenant) {
  const inTenant = eq(lks.tenantId, tenant.id);

  return {
    tenant,

    /** Null when the cursor is not one this API issued. */
    async listLks(opts: LksListOptions): Promise<Page<Lks & { tenantSlug: string; tenantName: string }> | null> {
      const after = opts.cursor ? decodeCursor(opts.cursor, 2) : undefined;
      if (after === null) return null;
      if (opts.onlyIds && opts.onlyIds.length === 0) return { items: [], nextCursor: null };
      const rows = await db
        .select()
        .from(lks)
        .where(
          and(
            inTenant,
            opts.onlyIds ? inArray(lks.id, [...opts.onlyIds]) : undefined,
            after ? or(gt(lks.name, after[0]!), and(eq(lks.name, after[0]!), gt(lks.id, after[1]!))) : undefined,
          ),
        )
        .orderBy(asc(lks.name), asc(lks.id))
        .limit(opts.limit + 1);
      const page = toPage(rows, opts.limit, (row) => [row.name, row.id]);
      return { ...page, items: page.items.map((row) => ({ ...row, tenantSlug: tenant.slug, tenantName: tenant.name })) };
    },

    async findLks(id: string): Promise<Lks | null> {
      return (await db.query.lks.findFirst({ where: and(inTenant, eq(lks.id, id)) })) ?? null;
    },

    async listMembers(): Promise<MemberView[]> {
      const rows = await db
        .select({ membership: memberships, user: users, lksName: lks.name })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .leftJoin(lks, eq(lks.id, memberships.lksId))
        .where(eq(memberships.tenantId, tenant.id))
        .orderBy(asc(users.email), asc(memberships.role));
      return rows.map((r) => ({
        membershipId: r.membership.id,
        role: r.membership.role,
        user: { id: r.user.id, email: r.user.email, name: r.user.name, status: r.user.status },
        lks: r.membership.lksId && r.lksName ? { id: r.membership.lksId, name: r.lksName } : null,
      }));
    },

    async findMembership(id: string) {
      return (await db.query.memberships.findFirst({ where: and(eq(memberships.tenantId, tenant.id), eq(memberships.id, id)) })) ?? null;
    },

    async countMembersWithRole(role: Role): Promise<number> {
      return db.$count(memberships, and(eq(memberships.tenantId, tenant.id), eq(memberships.role, role)));
    },

    changeRole(membershipId: string, role: Role) {
      return db
        .update(memberships)
        .set({ role })
        .where(and(eq(memberships.tenantId, tenant.id), eq(memberships.id, membershipId)))
        .returning({ id: memberships.id });
    },

    /** A still-open invitation of this email to this role, so a repeated invite reuses it instead of piling up. */
    async findOpenInvitation(email: string, role: Role, lksId: string | null) {
      return (
        (await db.query.invitations.findFirst({
          where: and(
            eq(invitations.tenantId, tenant.id),
            eq(invitations.email, email),
            eq(invitations.role, role),
            lksId ? eq(invitations.lksId, lksId) : isNull(invitations.lksId),
            isNull(invitations.acceptedAt),
            gt(invitations.expiresAt, isoNow()),
          ),
        })) ?? null
      );
    },

    newInvitation(input: { email: string; role: Role; lksId: string | null; tokenHash: string; invitedBy: string; ttlSeconds: number }) {
      const now = Date.now();
      const invitation = {
        id: newId(now),
        tenantId: tenant.id,
        email: input.email,
        role: input.role,
        lksId: input.lksId,
        tokenHash: input.tokenHash,
        invitedBy: input.invitedBy,
        expiresAt: isoNow(now + input.ttlSeconds * 1000),
        acceptedAt: null,
        createdAt: isoNow(now),
      };
      return { invitation, insert: db.insert(invitations).values(invitation) };
    },

    /** A reissued invitation gets a fresh token (the old link stops working) and a fresh expiry. */
    reissueInvitation(invitationId: string, tokenHash: string, ttlSeconds: number) {
      const expiresAt = isoNow(Date.now() + ttlSeconds * 1000);
      return {
        expiresAt,
        update: db.update(invitations).set({ tokenHash, expiresAt }).where(and(eq(invitations.tenantId, tenant.id), eq(invitations.id, invitationId))),
      };
    },
  };
}

export type TenantScope = ReturnType<typeof tenantScope>;

