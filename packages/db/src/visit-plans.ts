import type { Role } from "@akrab/domain";
import { and, eq, gte, inArray, lte, sql } from "drizzle-orm";
import type { Db } from "./client.ts";
import { isoNow, newId } from "./client.ts";
import { keyset, toPage } from "./pagination.ts";
import {
  applications,
  asesors,
  assessmentAssignments,
  lks,
  memberships,
  notifications,
  tenants,
  users,
  visitCompanions,
  visitPlanStops,
  visitPlans,
} from "./schema.ts";

export type VisitPlanRow = typeof visitPlans.$inferSelect;
export type VisitCompanionsRow = typeof visitCompanions.$inferSelect;
export type Companion = VisitCompanionsRow["companions"][number];

export interface VisitPlanFilter {
  status?: VisitPlanRow["status"] | undefined;
  /** Plans with a stop on or after this Jakarta day. */
  from?: string | undefined;
  /** Plans with a stop on or before this Jakarta day. */
  to?: string | undefined;
  /** A province code (`36`): plans with a stop at an LKS in it. */
  province?: string | undefined;
}

export interface NewStop {
  applicationId: string;
  tenantId: string;
  visitDate: string;
}

/** Accepted team members of applications, with their names: the team that travels the route. */
async function acceptedTeams(db: Db, applicationIds: readonly string[]) {
  if (applicationIds.length === 0) return [];
  return db
    .select({
      applicationId: assessmentAssignments.applicationId,
      asesorId: assessmentAssignments.asesorId,
      role: assessmentAssignments.role,
      name: asesors.name,
      userId: asesors.userId,
    })
    .from(assessmentAssignments)
    .innerJoin(asesors, eq(asesors.id, assessmentAssignments.asesorId))
    .where(
      and(
        inArray(assessmentAssignments.applicationId, [...applicationIds]),
        eq(assessmentAssignments.status, "accepted"),
      ),
    )
    .orderBy(assessmentAssignments.role, asesors.name, asesors.id);
}

/** Where each stop is: the application's LKS and tenant, and its step. */
async function stopRows(db: Db, planIds: readonly string[]) {
  if (planIds.length === 0) return [];
  return db
    .select({
      stop: visitPlanStops,
      lksId: lks.id,
      lksName: lks.name,
      regionCode: lks.regionCode,
      tenantSlug: tenants.slug,
      tenantName: tenants.name,
      step: applications.step,
      open: applications.open,
    })
    .from(visitPlanStops)
    .innerJoin(applications, eq(applications.id, visitPlanStops.applicationId))
    .innerJoin(lks, eq(lks.id, applications.lksId))
    .innerJoin(tenants, eq(tenants.id, visitPlanStops.tenantId))
    .where(inArray(visitPlanStops.planId, [...planIds]))
    .orderBy(visitPlanStops.planId, visitPlanStops.position);
}

/**
 * Visit plans as BALKS (and the asesor, for their own) read them. National: a route crosses
 * tenants, and every tenant-owned row read here is reached through a plan, never listed by tenant.
 */
export function visitPlanReads(db: Db) {
  return {
    async find(id: string): Promise<VisitPlanRow | null> {
      return (await db.query.visitPlans.findFirst({ where: eq(visitPlans.id, id) })) ?? null;
    },

    /** Plans by their first day, then id; filters combine. Null for a cursor this API did not issue. */
    async list(filter: VisitPlanFilter, page: { cursor?: string | undefined; limit: number }) {
      const after = keyset(page.cursor, "asc", [visitPlans.startsOn, visitPlans.id]);
      if (!after) return null;
      const province = filter.province;
      const rows = await db
        .select()
        .from(visitPlans)
        .where(
          and(
            after.where,
            filter.status ? eq(visitPlans.status, filter.status) : undefined,
            filter.from ? gte(visitPlans.endsOn, filter.from) : undefined,
            filter.to ? lte(visitPlans.startsOn, filter.to) : undefined,
            province
              ? sql`EXISTS (SELECT 1 FROM ${visitPlanStops} s JOIN ${applications} a ON a.id = s.application_id JOIN ${lks} l ON l.id = a.lks_id WHERE s.plan_id = ${visitPlans.id} AND (l.region_code = ${province} OR l.region_code LIKE ${`${province}.%`}))`
              : undefined,
          ),
        )
        .orderBy(...after.orderBy)
        .limit(page.limit + 1);
      return toPage(rows, page.limit, (p) => [p.startsOn, p.id]);
    },

    /** Active plans with a stop whose team the asesor accepted, by their first day. */
    async ofAsesor(asesorId: string): Promise<VisitPlanRow[]> {
      return db
        .select()
        .from(visitPlans)
        .where(
          and(
            eq(visitPlans.status, "active"),
            sql`EXISTS (SELECT 1 FROM ${visitPlanStops} s JOIN ${assessmentAssignments} aa ON aa.application_id = s.application_id WHERE s.plan_id = ${visitPlans.id} AND aa.asesor_id = ${asesorId} AND aa.status = 'accepted')`,
          ),
        )
        .orderBy(visitPlans.startsOn, visitPlans.id);
    },

    stops: (planIds: readonly string[]) => stopRows(db, planIds),

    /** The active stop (if any) of each application given: an application is in one active plan at most. */
    async activeStops(applicationIds: readonly string[]) {
      if (applicationIds.length === 0) return [];
      return db
        .select()
        .from(visitPlanStops)
        .where(and(inArray(visitPlanStops.applicationId, [...applicationIds]), eq(visitPlanStops.active, 1)));
    },

    acceptedTeams: (applicationIds: readonly string[]) => acceptedTeams(db, applicationIds),

    async companions(applicationIds: readonly string[]): Promise<VisitCompanionsRow[]> {
      if (applicationIds.length === 0) return [];
      return db
        .select()
        .from(visitCompanions)
        .where(inArray(visitCompanions.applicationId, [...applicationIds]));
    },

    /**
     * Whom to tell about a stop: the LKS's active operators and the Dinsos staff of its tenant who
     * hold one of `roles` (the people who prepare and accompany the visit).
     */
    async recipients(stops: readonly { lksId: string; tenantId: string }[], roles: readonly Role[]) {
      if (stops.length === 0) return [];
      const lksIds = [...new Set(stops.map((s) => s.lksId))];
      const tenantIds = [...new Set(stops.map((s) => s.tenantId))];
      return db
        .selectDistinct({
          userId: users.id,
          email: users.email,
          tenantId: memberships.tenantId,
          lksId: memberships.lksId,
        })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(
          and(
            eq(users.status, "active"),
            sql`((${memberships.role} = 'lks_operator' AND ${inArray(memberships.lksId, lksIds)}) OR (${inArray(memberships.role, [...roles])} AND ${inArray(memberships.tenantId, tenantIds)}))`,
          ),
        );
    },
  };
}

/** BALKS's writes to visit plans; each returns batch items. */
export function visitPlanWrites(db: Db) {
  const stopValues = (planId: string, stops: readonly NewStop[]) =>
    stops.map((s, position) => ({ ...s, planId, position, active: 1 }));
  const span = (stops: readonly NewStop[]) => {
    const days = stops.map((s) => s.visitDate).sort();
    return { startsOn: days[0] ?? "", endsOn: days.at(-1) ?? "" };
  };
  return {
    create(input: { notes: string | null; createdBy: string; stops: readonly NewStop[] }) {
      const now = isoNow();
      const row: VisitPlanRow = {
        id: newId(),
        status: "active",
        notes: input.notes,
        ...span(input.stops),
        cancelReason: null,
        version: 1,
        createdBy: input.createdBy,
        createdAt: now,
        updatedAt: now,
      };
      return {
        row,
        writes: [
          db.insert(visitPlans).values(row),
          db.insert(visitPlanStops).values(stopValues(row.id, input.stops)),
        ] as const,
      };
    },

    /**
     * Replaces the route and notes of an active plan at `expectedVersion`. The first statement is
     * conditional: follow it with `abortIfNothingChanged` so a stale edit changes nothing.
     */
    update(id: string, expectedVersion: number, input: { notes: string | null; stops: readonly NewStop[] }) {
      return {
        guarded: db
          .update(visitPlans)
          .set({ notes: input.notes, ...span(input.stops), version: expectedVersion + 1, updatedAt: isoNow() })
          .where(and(eq(visitPlans.id, id), eq(visitPlans.version, expectedVersion), eq(visitPlans.status, "active"))),
        rest: [
          db.delete(visitPlanStops).where(eq(visitPlanStops.planId, id)),
          db.insert(visitPlanStops).values(stopValues(id, input.stops)),
        ] as const,
      };
    },

    /** Conditional like `update`; the stops leave the one-active-plan index so their applications may be planned again. */
    cancel(id: string, expectedVersion: number, reason: string | null) {
      return {
        guarded: db
          .update(visitPlans)
          .set({ status: "cancelled", cancelReason: reason, version: expectedVersion + 1, updatedAt: isoNow() })
          .where(and(eq(visitPlans.id, id), eq(visitPlans.version, expectedVersion), eq(visitPlans.status, "active"))),
        rest: [db.update(visitPlanStops).set({ active: 0 }).where(eq(visitPlanStops.planId, id))] as const,
      };
    },

    notify(input: { userId: string; tenantId: string | null; title: string; body: string; link: string }) {
      return db.insert(notifications).values({ ...input, id: newId(), createdAt: isoNow(), readAt: null });
    },
  };
}

/**
 * The visit plan as one tenant sees it, per application (reach the application through the scope
 * first): the active stop, its team, and the companions the tenant named.
 */
export function visitsOfTenant(db: Db, tenantId: string) {
  return {
    async planOf(applicationId: string) {
      const [row] = await db
        .select({ stop: visitPlanStops, plan: visitPlans })
        .from(visitPlanStops)
        .innerJoin(visitPlans, eq(visitPlans.id, visitPlanStops.planId))
        .where(and(eq(visitPlanStops.applicationId, applicationId), eq(visitPlanStops.active, 1)));
      return row ?? null;
    },

    acceptedTeam: (applicationId: string) => acceptedTeams(db, [applicationId]),

    async companions(applicationId: string): Promise<VisitCompanionsRow | null> {
      return (
        (await db.query.visitCompanions.findFirst({ where: eq(visitCompanions.applicationId, applicationId) })) ?? null
      );
    },

    /**
     * The companions of one of this tenant's applications, at `expectedVersion` (0: none named
     * yet). Conditional: follow with `abortIfNothingChanged` so a stale save changes nothing.
     */
    saveCompanions(applicationId: string, expectedVersion: number, companions: Companion[], by: string) {
      const now = isoNow();
      if (expectedVersion === 0)
        return db
          .insert(visitCompanions)
          .values({ applicationId, tenantId, companions, version: 1, updatedBy: by, updatedAt: now })
          .onConflictDoNothing();
      return db
        .update(visitCompanions)
        .set({ companions, version: expectedVersion + 1, updatedBy: by, updatedAt: now })
        .where(
          and(
            eq(visitCompanions.applicationId, applicationId),
            eq(visitCompanions.tenantId, tenantId),
            eq(visitCompanions.version, expectedVersion),
          ),
        );
    },
  };
}
