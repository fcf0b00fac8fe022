import { and, count, eq, gt, inArray, isNull, like, ne, or, sql } from "drizzle-orm";
import type { Db } from "./client.ts";
import { isoNow, newId } from "./client.ts";
import { invitationRow, reissuedInvitation } from "./invitation-rows.ts";
import { keyset, toPage } from "./pagination.ts";
import { insertMembership } from "./identity.ts";
import {
  applications,
  asesorAffiliations,
  asesors,
  assessmentAssignments,
  invitations,
  lks,
  memberships,
  tenants,
  users,
} from "./schema.ts";

export type AsesorRow = typeof asesors.$inferSelect;
export type AffiliationRow = typeof asesorAffiliations.$inferSelect;
export type AssignmentRow = typeof assessmentAssignments.$inferSelect;

export interface AsesorFilter {
  /** Start of the name or the email. */
  q?: string | undefined;
  active?: boolean | undefined;
  lksType?: string | undefined;
  province?: string | undefined;
}

/** An invitation still open or accepted: what counts as being on a team (and reaching its application). */
const ON_TEAM = ["invited", "accepted"] as const;

/**
 * BALKS's national asesor registry and the teams formed from it (issue 13). Reached through the
 * national scope; the assignment axis (which applications an asesor reaches) is read here too, by
 * the tenant middleware, so it is decided in one place.
 */
export function asesorReads(db: Db) {
  return {
    async list(filter: AsesorFilter, page: { cursor?: string | undefined; limit: number }) {
      const after = keyset(page.cursor, "asc", [asesors.name, asesors.id]);
      if (!after) return null;
      const q = filter.q?.trim().toLowerCase();
      const rows = await db
        .select()
        .from(asesors)
        .where(
          and(
            after.where,
            q ? or(like(sql`lower(${asesors.name})`, `${q}%`), like(asesors.email, `${q}%`)) : undefined,
            filter.active === undefined ? undefined : eq(asesors.active, filter.active),
            filter.province ? eq(asesors.provinceCode, filter.province) : undefined,
            filter.lksType
              ? sql`EXISTS (SELECT 1 FROM json_each(${asesors.lksTypes}) WHERE value = ${filter.lksType})`
              : undefined,
          ),
        )
        .orderBy(...after.orderBy)
        .limit(page.limit + 1);
      return toPage(rows, page.limit, (a) => [a.name, a.id]);
    },

    async find(id: string): Promise<AsesorRow | null> {
      return (await db.query.asesors.findFirst({ where: eq(asesors.id, id) })) ?? null;
    },

    /** The registry row of a signed-in asesor. */
    ofUser: (user: { id: string; email: string }) => asesorOfUser(db, user),

    async byEmail(email: string): Promise<AsesorRow | null> {
      return (await db.query.asesors.findFirst({ where: eq(asesors.email, email.trim().toLowerCase()) })) ?? null;
    },

    /** The account with this email, and whether it holds the national asesor role already. */
    async account(email: string) {
      const user = await db.query.users.findFirst({ where: eq(users.email, email) });
      if (!user) return null;
      const held = await db.query.memberships.findFirst({
        where: and(eq(memberships.userId, user.id), isNull(memberships.tenantId), eq(memberships.role, "asesor")),
      });
      return { user, asesorRole: held !== undefined };
    },

    /** An open national invitation of this email to the asesor role. */
    async openInvitation(email: string) {
      return (
        (await db.query.invitations.findFirst({
          where: and(
            isNull(invitations.tenantId),
            eq(invitations.email, email),
            eq(invitations.role, "asesor"),
            isNull(invitations.acceptedAt),
            gt(invitations.expiresAt, isoNow()),
          ),
        })) ?? null
      );
    },

    /** Every asesor (the registry is a few hundred people): the candidates for a team. */
    async all(): Promise<AsesorRow[]> {
      return db.select().from(asesors).orderBy(asesors.name, asesors.id);
    },

    async affiliationsOf(asesorIds: readonly string[]): Promise<AffiliationRow[]> {
      if (asesorIds.length === 0) return [];
      return db
        .select()
        .from(asesorAffiliations)
        .where(inArray(asesorAffiliations.asesorId, [...asesorIds]))
        .orderBy(asesorAffiliations.from, asesorAffiliations.id);
    },

    /** Accepted assignments on the LKS's other applications: the earlier cycles each asesor assessed. */
    async pastAssessments(lksId: string, exceptApplicationId: string) {
      return db
        .select({
          asesorId: assessmentAssignments.asesorId,
          lksId: applications.lksId,
          at: assessmentAssignments.assignedAt,
        })
        .from(assessmentAssignments)
        .innerJoin(applications, eq(applications.id, assessmentAssignments.applicationId))
        .where(
          and(
            eq(applications.lksId, lksId),
            ne(applications.id, exceptApplicationId),
            eq(assessmentAssignments.status, "accepted"),
          ),
        );
    },

    /** How many open applications each asesor is on (invited or accepted): the workload ranking uses it. */
    async openWorkload(): Promise<Map<string, number>> {
      const rows = await db
        .select({ asesorId: assessmentAssignments.asesorId, n: count() })
        .from(assessmentAssignments)
        .innerJoin(applications, eq(applications.id, assessmentAssignments.applicationId))
        .where(and(inArray(assessmentAssignments.status, [...ON_TEAM]), eq(applications.open, 1)))
        .groupBy(assessmentAssignments.asesorId);
      return new Map(rows.map((r) => [r.asesorId, r.n]));
    },

    /** An open or closed application of an active tenant, with its LKS: what a team is formed for. */
    async application(tenantSlug: string, applicationId: string) {
      const [row] = await db
        .select({ application: applications, lks, tenant: tenants })
        .from(applications)
        .innerJoin(lks, eq(lks.id, applications.lksId))
        .innerJoin(tenants, eq(tenants.id, applications.tenantId))
        .where(and(eq(applications.id, applicationId), eq(tenants.slug, tenantSlug), eq(tenants.status, "active")));
      return row ?? null;
    },

    /** An application's team, every invitation (declined ones too), oldest first. */
    async team(applicationId: string) {
      return db
        .select({ assignment: assessmentAssignments, name: asesors.name, email: asesors.email })
        .from(assessmentAssignments)
        .innerJoin(asesors, eq(asesors.id, assessmentAssignments.asesorId))
        .where(eq(assessmentAssignments.applicationId, applicationId))
        .orderBy(assessmentAssignments.assignedAt, assessmentAssignments.id);
    },

    /** One assignment on an application of the tenant, with its asesor's account and email (whose it is). */
    async assignmentInTenant(tenantId: string, assignmentId: string) {
      const [row] = await db
        .select({ assignment: assessmentAssignments, userId: asesors.userId, email: asesors.email })
        .from(assessmentAssignments)
        .innerJoin(asesors, eq(asesors.id, assessmentAssignments.asesorId))
        .where(and(eq(assessmentAssignments.tenantId, tenantId), eq(assessmentAssignments.id, assignmentId)));
      return row ?? null;
    },

    /** Assignments (past and current) of one asesor, with where they are. */
    async assignmentsOf(asesorId: string) {
      return db
        .select({
          assignment: assessmentAssignments,
          step: applications.step,
          open: applications.open,
          lksId: lks.id,
          lksName: lks.name,
          tenantSlug: tenants.slug,
          tenantName: tenants.name,
        })
        .from(assessmentAssignments)
        .innerJoin(applications, eq(applications.id, assessmentAssignments.applicationId))
        .innerJoin(lks, eq(lks.id, applications.lksId))
        .innerJoin(tenants, eq(tenants.id, assessmentAssignments.tenantId))
        .where(eq(assessmentAssignments.asesorId, asesorId))
        .orderBy(assessmentAssignments.assignedAt, assessmentAssignments.id);
    },
  };
}

/** The registry row of a signed-in person: linked by user, or by the email they were invited with. */
async function asesorOfUser(db: Db, user: { id: string; email: string }): Promise<AsesorRow | null> {
  return (
    (await db.query.asesors.findFirst({
      where: or(eq(asesors.userId, user.id), and(isNull(asesors.userId), eq(asesors.email, user.email.toLowerCase()))),
    })) ?? null
  );
}

/**
 * The assignment axis: the applications of a tenant that the user, as an asesor, is on the team of
 * (invited or accepted). Empty for anyone else, so the tenant stays a 404 for them.
 */
export async function assignedApplications(db: Db, user: { id: string; email: string }, tenantId: string) {
  const rows = await db
    .select({ applicationId: assessmentAssignments.applicationId, lksId: applications.lksId })
    .from(assessmentAssignments)
    .innerJoin(asesors, eq(asesors.id, assessmentAssignments.asesorId))
    .innerJoin(applications, eq(applications.id, assessmentAssignments.applicationId))
    .innerJoin(users, eq(users.id, user.id))
    .where(
      and(
        eq(assessmentAssignments.tenantId, tenantId),
        inArray(assessmentAssignments.status, [...ON_TEAM]),
        or(eq(asesors.userId, user.id), and(isNull(asesors.userId), eq(asesors.email, users.email))),
      ),
    );
  return rows;
}

/** The writes BALKS's secretariat makes to the registry and the teams; each returns a batch item. */
export function asesorWrites(db: Db) {
  return {
    insert(input: Omit<AsesorRow, "id" | "version" | "createdAt" | "updatedAt">) {
      const now = isoNow();
      const row: AsesorRow = { ...input, id: newId(), version: 1, createdAt: now, updatedAt: now };
      return { row, insert: db.insert(asesors).values(row) };
    },

    /** Applies only on `expectedVersion`; pair with `abortIfNothingChanged` so a stale edit changes nothing. */
    update(id: string, expectedVersion: number, changes: Partial<Omit<AsesorRow, "id" | "version" | "createdAt">>) {
      return db
        .update(asesors)
        .set({ ...changes, version: expectedVersion + 1, updatedAt: isoNow() })
        .where(and(eq(asesors.id, id), eq(asesors.version, expectedVersion)));
    },

    addAffiliation(input: Omit<AffiliationRow, "id" | "createdAt">) {
      const row: AffiliationRow = { ...input, id: newId(), createdAt: isoNow() };
      return { row, insert: db.insert(asesorAffiliations).values(row) };
    },

    removeAffiliation(asesorId: string, id: string) {
      return db
        .delete(asesorAffiliations)
        .where(and(eq(asesorAffiliations.asesorId, asesorId), eq(asesorAffiliations.id, id)))
        .returning({ id: asesorAffiliations.id });
    },

    assign(input: Pick<AssignmentRow, "tenantId" | "applicationId" | "asesorId" | "role" | "assignedBy">) {
      const row: AssignmentRow = {
        ...input,
        id: newId(),
        status: "invited",
        declineReason: null,
        declaration: null,
        declaredAt: null,
        assignedAt: isoNow(),
        respondedAt: null,
      };
      return { row, insert: db.insert(assessmentAssignments).values(row) };
    },

    /** The asesor's answer; only an open invitation changes (a second answer changes nothing). */
    respond(
      assignmentId: string,
      asesorId: string,
      answer:
        | { status: "accepted"; declaration: { id: string; en: string }[]; declaredAt: string }
        | { status: "declined"; declineReason: string },
    ) {
      return db
        .update(assessmentAssignments)
        .set({ ...answer, respondedAt: isoNow() })
        .where(
          and(
            eq(assessmentAssignments.id, assignmentId),
            eq(assessmentAssignments.asesorId, asesorId),
            eq(assessmentAssignments.status, "invited"),
          ),
        );
    },

    /** The national asesor role for an existing account (BALKS invites a person who already signs in). */
    grantRole(userId: string) {
      return insertMembership(db, { userId, tenantId: null, role: "asesor", lksId: null });
    },

    /** A national invitation to the asesor role; accepting it goes through the one invitation flow. */
    invite(input: { email: string; tokenHash: string; invitedBy: string; ttlSeconds: number }) {
      return invitationRow(db, { ...input, tenantId: null, role: "asesor", lksId: null });
    },

    /** A fresh link (the old one stops working) and a fresh expiry for an open invitation. */
    reissueInvitation(invitationId: string, tokenHash: string, ttlSeconds: number) {
      return reissuedInvitation(db, invitationId, isNull(invitations.tenantId), tokenHash, ttlSeconds);
    },

    linkUser(asesorId: string, userId: string) {
      return db
        .update(asesors)
        .set({ userId })
        .where(and(eq(asesors.id, asesorId), isNull(asesors.userId)));
    },
  };
}
