import type { Role } from "@akrab/domain";
import { certificateStore } from "./certificates.ts";
import { and, asc, countDistinct, eq, gt, gte, inArray, isNull, lt, ne, sql } from "drizzle-orm";
import type { Db } from "./client.ts";
import { isoNow } from "./client.ts";
import { invitationRow, reissuedInvitation } from "./invitation-rows.ts";
import { applicationStore } from "./applications.ts";
import { asesorReads } from "./asesors.ts";
import { decisionReads } from "./decisions.ts";
import { documentStore } from "./documents.ts";
import { instrumentReads } from "./instruments.ts";
import { lksRegistry } from "./lks-registry.ts";
import { selfAssessmentStore } from "./self-assessment.ts";
import { scoreSheetStore } from "./visit-scoring.ts";
import { reportReads } from "./report-reads.ts";
import { keyset, toPage } from "./pagination.ts";
import { startsWithText } from "./text-match.ts";
import { auditEvents, invitations, lks, memberships, tenants, users } from "./schema.ts";
import type { Tenant } from "./tenants.ts";
import { visitsOfTenant } from "./visit-plans.ts";
import { supervisionStore } from "./supervision.ts";

/** What a scope needs of its tenant: its id, and its parent province (who acts at province steps). */
export type TenantRef = Pick<Tenant, "id" | "parentId">;

export interface MemberView {
  membershipId: string;
  role: Role;
  user: { id: string; email: string; name: string; status: "active" | "disabled" };
  lks: { id: string; name: string } | null;
}

/**
 * What a scope reaches besides its own tenant's rows (both default to "nothing more"):
 * - `readable`: tenants it reads (a province adds its kab/kota); the own tenant is always one.
 * - `lksIds`: when set, the only LKS whose rows it sees (an LKS operator's own); unset = every LKS.
 */
export interface ScopeReach {
  readable?: readonly string[] | undefined;
  lksIds?: readonly string[] | undefined;
}

/**
 * Every read and write of tenant-owned rows goes through this object, built by the tenant
 * middleware for the tenant in the URL (and by jobs, the upload alarm, approval and registration
 * for a tenant they already know: this is the one constructor). Each query carries
 * `tenant_id = ?` and, for an LKS operator, `lks_id IN (…)`, so a handler cannot reach another
 * tenant's or another LKS's rows even by passing a foreign id.
 */
export function tenantScope<T extends TenantRef>(db: Db, tenant: T, reach: ScopeReach = {}) {
  const readableTenantIds: readonly string[] = reach.readable ?? [tenant.id];
  const lksIds = reach.lksIds;
  /** True for a membership that is not an admin, or when another admin remains after `newRole`. */
  const keepsAnAdmin = (newRole: Role | null) =>
    newRole === "tenant_admin"
      ? undefined
      : sql`(${memberships.role} != 'tenant_admin' OR (SELECT count(*) FROM memberships m WHERE m.tenant_id = ${tenant.id} AND m.role = 'tenant_admin') > 1)`;

  return {
    tenant,
    readableTenantIds,

    /** The id of a tenant this scope may read, by slug (a province narrowing to one kab/kota). */
    async readableTenantIdOf(slug: string): Promise<string | undefined> {
      const found = await db.query.tenants.findFirst({
        where: and(eq(tenants.slug, slug), inArray(tenants.id, [...readableTenantIds])),
      });
      return found?.id;
    },

    /** The LKS registry: reads see the tenant and, for a province, its kab/kota; writes only the tenant. */
    lks: lksRegistry(db, tenant, readableTenantIds, lksIds),

    /** Applications, their workflow versions and the document checklist. */
    applications: applicationStore(db, tenant, readableTenantIds, lksIds),

    /** Uploads, stored contents and documents with their versions. */
    documents: documentStore(db, tenant, readableTenantIds, lksIds),

    /** National instrument versions, published ones only: what this tenant's applications are assessed on. */
    instruments: instrumentReads(db, "published"),

    /** The asesor team of an application this scope reached (the `assign` transition waits for it). */
    asesors: {
      team: (applicationId: string) => asesorReads(db).team(applicationId),
      /** An assignment on this tenant's applications (a visit photo's upload checks it is the caller's own). */
      assignment: (assignmentId: string) => asesorReads(db).assignmentInTenant(tenant.id, assignmentId),
    },

    /** The visit plan of an application this scope reached, and the companions the tenant named. */
    visits: visitsOfTenant(db, tenant.id),
    /** Certificates of the scope's tenants (an operator: its own LKS's only). */
    certificates: certificateStore(db, readableTenantIds, lksIds),

    /** Self-assessment answers and evidence links of applications (reach the application first). */
    selfAssessment: selfAssessmentStore(db, tenant, readableTenantIds),
    /** Report roll-ups of the tenants it reads (a province: itself and its kab/kota). */
    reports: reportReads(db, readableTenantIds),

    /** BALKS's decision on an application and the team's reconciled sheet, as the tenant reads them (issue 13). */
    decisions: decisionReads(db, readableTenantIds),
    /** The improvement plan a decision started, its items' answers and reviews (issue 14 "Supervision"). */
    supervision: supervisionStore(db, readableTenantIds, lksIds),
    /** The asesors' blind score sheets of this tenant's applications (reach the assignment first). */
    scoring: scoreSheetStore(db, tenant),

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
      return (
        (await db.query.memberships.findFirst({
          where: and(eq(memberships.tenantId, tenant.id), eq(memberships.id, id)),
        })) ?? null
      );
    },

    async countMembersWithRole(role: Role): Promise<number> {
      return db.$count(memberships, and(eq(memberships.tenantId, tenant.id), eq(memberships.role, role)));
    },

    /**
     * Changes a role unless that would leave the tenant without an admin. The check is part of the
     * statement, so two admins demoting each other at once cannot both succeed.
     */
    changeRole(membershipId: string, role: Role) {
      return db
        .update(memberships)
        .set({ role })
        .where(and(eq(memberships.tenantId, tenant.id), eq(memberships.id, membershipId), keepsAnAdmin(role)))
        .returning({ id: memberships.id });
    },

    /** Null when nothing was removed (not this tenant's membership). */
    removeMembership(membershipId: string) {
      return db
        .delete(memberships)
        .where(and(eq(memberships.tenantId, tenant.id), eq(memberships.id, membershipId), keepsAnAdmin(null)))
        .returning({ id: memberships.id });
    },

    updateProfile(changes: Partial<Pick<Tenant, "name" | "address" | "phone" | "email" | "contactName" | "logoKey">>) {
      return db.update(tenants).set(changes).where(eq(tenants.id, tenant.id)).returning();
    },

    /** Dinsos staff (not LKS operators) in the tenant and open invitations to join them: the setup list. */
    async staffCounts(): Promise<{ dinsosPeople: number; openDinsosInvitations: number }> {
      const [people, invited] = await db.batch([
        db
          .select({ n: countDistinct(memberships.userId) })
          .from(memberships)
          .where(and(eq(memberships.tenantId, tenant.id), ne(memberships.role, "lks_operator"))),
        db
          .select({ n: sql<number>`count(*)` })
          .from(invitations)
          .where(
            and(
              eq(invitations.tenantId, tenant.id),
              ne(invitations.role, "lks_operator"),
              isNull(invitations.acceptedAt),
              gt(invitations.expiresAt, isoNow()),
            ),
          ),
      ]);
      return { dinsosPeople: people[0]?.n ?? 0, openDinsosInvitations: Number(invited[0]?.n ?? 0) };
    },

    /**
     * Stamps a setup milestone once: a retried or repeated request leaves the first time in place
     * and returns no row.
     */
    markSetup(field: "workflowReviewedAt" | "setupDismissedAt") {
      return db
        .update(tenants)
        .set({ [field]: isoNow() })
        .where(and(eq(tenants.id, tenant.id), isNull(tenants[field])))
        .returning();
    },

    /** The tenant's audit trail, newest first. `action` ending in "." matches a prefix ("auth."). */
    async listAudit(
      filter: {
        action?: string | undefined;
        actor?: string | undefined;
        from?: string | undefined;
        to?: string | undefined;
      },
      page: { cursor?: string | undefined; limit: number },
    ) {
      const after = keyset(page.cursor, "desc", [auditEvents.createdAt, auditEvents.id]);
      if (!after) return null;
      const rows = await db
        .select({ event: auditEvents, actorEmail: users.email, actorName: users.name })
        .from(auditEvents)
        .leftJoin(users, eq(users.id, auditEvents.actorUserId))
        .where(
          and(
            eq(auditEvents.tenantId, tenant.id),
            filter.action
              ? filter.action.endsWith(".")
                ? startsWithText(auditEvents.action, filter.action)
                : eq(auditEvents.action, filter.action)
              : undefined,
            filter.actor ? eq(users.email, filter.actor.toLowerCase()) : undefined,
            filter.from ? gte(auditEvents.createdAt, new Date(filter.from).toISOString()) : undefined,
            filter.to ? lt(auditEvents.createdAt, new Date(filter.to).toISOString()) : undefined,
            after.where,
          ),
        )
        .orderBy(...after.orderBy)
        .limit(page.limit + 1);
      return toPage(rows, page.limit, (r) => [r.event.createdAt, r.event.id]);
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

    newInvitation(input: {
      email: string;
      role: Role;
      lksId: string | null;
      tokenHash: string;
      invitedBy: string;
      ttlSeconds: number;
    }) {
      const { row, insert } = invitationRow(db, { ...input, tenantId: tenant.id });
      return { invitation: row, insert };
    },

    /** A reissued invitation gets a fresh token (the old link stops working) and a fresh expiry. */
    reissueInvitation(invitationId: string, tokenHash: string, ttlSeconds: number) {
      return reissuedInvitation(db, invitationId, eq(invitations.tenantId, tenant.id), tokenHash, ttlSeconds);
    },
  };
}

export type TenantScope = ReturnType<typeof tenantScope<Tenant>>;
