import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lt, lte, not, or, sql, type SQL } from "drizzle-orm";
import type { Db } from "./client.ts";
import { isoNow, newId } from "./client.ts";
import { keyset, toPage } from "./pagination.ts";
import { withinLks } from "./reach.ts";
import type { RegionalPart, Role, WorkflowDefinition } from "@akrab/domain";
import {
  applicationEvents,
  applications,
  documentRequirements,
  lks,
  memberships,
  notifications,
  slaReminders,
  tenants,
  users,
  workflowDrafts,
  workflowVersions,
} from "./schema.ts";

export type ApplicationRow = typeof applications.$inferSelect;
export type ApplicationEventRow = typeof applicationEvents.$inferSelect;

/**
 * Applications, their timeline, the tenant's workflow versions and checklist: `own` is the
 * tenant in the URL (writes), `readable` adds a province's kab/kota (reads), `lksIds` (when set)
 * narrows applications to an operator's LKS.
 */
/** Columns of a checklist row that the store sets itself, not the tenant's list. */
type RequirementColumnsSetHere = "id" | "tenantId" | "applicationKind" | "ownership" | "position";

export function applicationStore(
  db: Db,
  own: { id: string; parentId: string | null },
  readable: readonly string[],
  lksIds?: readonly string[],
) {
  const visible = () => and(inArray(applications.tenantId, [...readable]), withinLks(applications.lksId, lksIds));
  /** Workflows are read of tenants the scope reads; a foreign tenant id reads as "none". */
  const readableTenant = (tenantId: string) => readable.includes(tenantId);
  const withNames = { app: applications, lksName: lks.name, tenantSlug: tenants.slug, tenantName: tenants.name };

  return {
    async latestWorkflow(tenantId = own.id) {
      if (!readableTenant(tenantId)) return null;
      return (
        (await db.query.workflowVersions.findFirst({
          where: eq(workflowVersions.tenantId, tenantId),
          orderBy: desc(workflowVersions.version),
        })) ?? null
      );
    },

    async workflowVersion(version: number, tenantId = own.id) {
      if (!readableTenant(tenantId)) return null;
      return (
        (await db.query.workflowVersions.findFirst({
          where: and(eq(workflowVersions.tenantId, tenantId), eq(workflowVersions.version, version)),
        })) ?? null
      );
    },

    /** Every published definition of the tenants given, to know which steps each caller acts on. */
    async definitionsOf(tenantIds: readonly string[] = readable) {
      tenantIds = tenantIds.filter(readableTenant);
      if (tenantIds.length === 0) return [];
      return db
        .select({
          tenantId: workflowVersions.tenantId,
          version: workflowVersions.version,
          definition: workflowVersions.definition,
        })
        .from(workflowVersions)
        .where(inArray(workflowVersions.tenantId, [...tenantIds]));
    },

    async listWorkflowVersions() {
      return db
        .select({
          version: workflowVersions.version,
          publishedAt: workflowVersions.publishedAt,
          publishedBy: users.name,
        })
        .from(workflowVersions)
        .leftJoin(users, eq(users.id, workflowVersions.publishedBy))
        .where(eq(workflowVersions.tenantId, own.id))
        .orderBy(desc(workflowVersions.version));
    },

    /** Version numbers come from the previous one; the primary key refuses a racing duplicate. */
    publishWorkflow(version: number, regional: RegionalPart, definition: WorkflowDefinition, by: string | null) {
      return db
        .insert(workflowVersions)
        .values({ tenantId: own.id, version, regional, definition, publishedBy: by, publishedAt: isoNow() });
    },

    async draft() {
      return (await db.query.workflowDrafts.findFirst({ where: eq(workflowDrafts.tenantId, own.id) })) ?? null;
    },

    saveDraft(regional: RegionalPart, baseVersion: number, by: string) {
      const row = { tenantId: own.id, regional, baseVersion, updatedBy: by, updatedAt: isoNow() };
      return db
        .insert(workflowDrafts)
        .values(row)
        .onConflictDoUpdate({
          target: workflowDrafts.tenantId,
          set: { regional, baseVersion, updatedBy: by, updatedAt: row.updatedAt },
        });
    },

    deleteDraft() {
      return db.delete(workflowDrafts).where(eq(workflowDrafts.tenantId, own.id));
    },

    /** The checklist for one application kind and ownership group (community LKS or government units). */
    async checklist(kind: "first" | "renewal", ownership: "community" | "government") {
      const where = and(
        eq(documentRequirements.tenantId, own.id),
        eq(documentRequirements.applicationKind, kind),
        eq(documentRequirements.ownership, ownership),
      );
      return db.select().from(documentRequirements).where(where).orderBy(asc(documentRequirements.position));
    },

    replaceChecklist(
      kind: "first" | "renewal",
      ownership: "community" | "government",
      items: Omit<typeof documentRequirements.$inferInsert, RequirementColumnsSetHere>[],
    ) {
      const where = and(
        eq(documentRequirements.tenantId, own.id),
        eq(documentRequirements.applicationKind, kind),
        eq(documentRequirements.ownership, ownership),
      );
      return [
        db.delete(documentRequirements).where(where),
        ...items.map((item, position) =>
          db
            .insert(documentRequirements)
            .values({ ...item, id: newId(), tenantId: own.id, applicationKind: kind, ownership, position }),
        ),
      ] as const;
    },

    /** A new application pins no instrument yet: that happens when it is first submitted. */
    insert(
      row: Omit<ApplicationRow, "id" | "tenantId" | "version" | "createdAt" | "updatedAt" | "instrumentVersionId"> & {
        /** Chosen by the caller when other rows of the same batch point at the new application. */
        id?: string;
      },
    ) {
      const now = isoNow();
      const app: ApplicationRow = {
        ...row,
        id: row.id ?? newId(),
        tenantId: own.id,
        instrumentVersionId: null,
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      return { app, insert: db.insert(applications).values(app) };
    },

    async find(id: string) {
      const [row] = await db
        .select(withNames)
        .from(applications)
        .innerJoin(lks, eq(lks.id, applications.lksId))
        .innerJoin(tenants, eq(tenants.id, applications.tenantId))
        .where(and(visible(), eq(applications.id, id)));
      return row ? { ...row.app, lksName: row.lksName, tenantSlug: row.tenantSlug, tenantName: row.tenantName } : null;
    },

    /** Every application of one LKS, newest first (its history of accreditations). */
    async ofLks(lksId: string) {
      return db
        .select({
          id: applications.id,
          kind: applications.kind,
          step: applications.step,
          workflowVersion: applications.workflowVersion,
          open: applications.open,
          version: applications.version,
          instrumentVersionId: applications.instrumentVersionId,
          createdAt: applications.createdAt,
          submittedAt: applications.submittedAt,
        })
        .from(applications)
        .where(and(visible(), eq(applications.lksId, lksId)))
        .orderBy(desc(applications.createdAt));
    },

    /** Moves the application only if it is still at `expectedVersion` (and in this tenant). */
    move(
      id: string,
      expectedVersion: number,
      changes: Partial<
        Pick<
          ApplicationRow,
          | "step"
          | "open"
          | "returnItems"
          | "stepEnteredAt"
          | "stepDueAt"
          | "submittedAt"
          | "profileSnapshot"
          | "checklist"
          | "letter"
          | "letterAtReturn"
          | "workflowVersion"
          | "instrumentVersionId"
        >
      >,
    ) {
      return db
        .update(applications)
        .set({ ...changes, version: sql`${applications.version} + 1`, updatedAt: isoNow() })
        .where(
          and(
            eq(applications.tenantId, own.id),
            eq(applications.id, id),
            withinLks(applications.lksId, lksIds),
            eq(applications.version, expectedVersion),
          ),
        );
    },

    event(input: Omit<ApplicationEventRow, "id" | "tenantId" | "at">) {
      return db.insert(applicationEvents).values({ ...input, id: newId(), tenantId: own.id, at: isoNow() });
    },

    async timeline(applicationId: string) {
      return db
        .select({ event: applicationEvents, actorName: users.name })
        .from(applicationEvents)
        .leftJoin(users, eq(users.id, applicationEvents.actorUserId))
        .where(
          and(
            eq(applicationEvents.applicationId, applicationId),
            inArray(applicationEvents.tenantId, [...readable]),
            lksIds
              ? inArray(
                  applicationEvents.applicationId,
                  db.select({ id: applications.id }).from(applications).where(visible()),
                )
              : undefined,
          ),
        )
        .orderBy(asc(applicationEvents.at), asc(applicationEvents.id));
    },

    /**
     * An inbox: applications waiting at one of the (tenant, steps) pairs the caller acts on, most
     * urgent (earliest due) first, with the total count.
     */
    async inbox(
      filter: {
        waiting: { tenantIds: readonly string[]; steps: readonly string[]; lksIds?: readonly string[] }[];
        step?: string | undefined;
        tenantId?: string | undefined;
        overdueAt?: string | undefined;
      },
      page: { cursor?: string | undefined; limit: number },
    ) {
      const waiting = filter.waiting.filter(
        (w) => w.tenantIds.length > 0 && w.steps.length > 0 && (!w.lksIds || w.lksIds.length > 0),
      );
      if (waiting.length === 0) return { items: [], nextCursor: null, total: 0 };
      return applicationPage(
        db,
        and(
          visible(),
          or(
            ...waiting.map((w) =>
              and(
                inArray(applications.tenantId, [...w.tenantIds]),
                inArray(applications.step, [...w.steps]),
                w.lksIds ? inArray(applications.lksId, [...w.lksIds]) : undefined,
              ),
            ),
          ),
          filter.step ? eq(applications.step, filter.step) : undefined,
          filter.tenantId ? eq(applications.tenantId, filter.tenantId) : undefined,
          filter.overdueAt
            ? and(isNotNull(applications.stepDueAt), lt(applications.stepDueAt, filter.overdueAt))
            : undefined,
        ),
        page,
      );
    },

    notify(input: { userId: string; title: string; body: string; link: string }) {
      return db
        .insert(notifications)
        .values({ ...input, id: newId(), tenantId: own.id, createdAt: isoNow(), readAt: null });
    },

    /**
     * Who holds one of `roles` in a tenant (for notifications and escalations): a tenant the scope
     * reads, or its parent province, which acts at a kab/kota's province steps.
     */
    async holders(tenantId: string, roles: readonly Role[]): Promise<{ userId: string; email: string }[]> {
      if (roles.length === 0 || !(readableTenant(tenantId) || tenantId === own.parentId)) return [];
      return db
        .selectDistinct({ userId: users.id, email: users.email })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(
          and(eq(memberships.tenantId, tenantId), inArray(memberships.role, [...roles]), eq(users.status, "active")),
        );
    },

    /**
     * For telling BALKS of an arrival at national intake: how many arrived there since `sinceIso`
     * (over every tenant: only a count leaves), and who holds the national `roles` to tell.
     */
    intakeArrivalsSince: (step: string, sinceIso: string) => intakeArrivalCount(db, step, sinceIso),
    nationalHolders: (roles: readonly Role[]) => nationalHolders(db, roles),

    claimSlaReminder(applicationId: string, step: string, day: string, escalated: boolean) {
      return db.insert(slaReminders).values({ applicationId, step, day, escalated }).onConflictDoNothing();
    },
  };
}

export type ApplicationStore = ReturnType<typeof applicationStore>;

/** Open applications whose current step is past its due time, across all active tenants (for the SLA job). */
export async function overdueApplications(db: Db, nowIso: string) {
  return db
    .select({
      app: applications,
      lksName: lks.name,
      tenantSlug: tenants.slug,
      tenantLevel: tenants.level,
      tenantParentId: tenants.parentId,
    })
    .from(applications)
    .innerJoin(lks, eq(lks.id, applications.lksId))
    .innerJoin(tenants, eq(tenants.id, applications.tenantId))
    .where(
      and(
        eq(applications.open, 1),
        eq(tenants.status, "active"),
        isNotNull(applications.stepDueAt),
        lt(applications.stepDueAt, nowIso),
      ),
    );
}

/** The national lists' filters: where the LKS is (province or kab/kota code), the step, lateness, the LKS's type. */
export interface NationalApplicationFilter {
  /** A province's Kemendagri code ("36"): LKS whose kab/kota lies in it. */
  province?: string | undefined;
  /** A kab/kota's Kemendagri code ("36.71"). */
  regency?: string | undefined;
  step?: string | undefined;
  overdueAt?: string | undefined;
  lksType?: string | undefined;
  /**
   * The assignment axis in national lists: at these steps (an asesor's), only the applications
   * whose team this user accepted (an invitation is answered first); other steps are not narrowed.
   */
  assigned?: { userId: string; steps: readonly string[] } | undefined;
}

/** Applications whose team the user accepted (matched by account, or by the registry's email before linking). */
const assignedTo = (userId: string) =>
  sql`${applications.id} IN (SELECT aa.application_id FROM assessment_assignments aa JOIN asesors s ON s.id = aa.asesor_id JOIN users u ON u.id = ${userId} WHERE aa.status = 'accepted' AND (s.user_id = u.id OR (s.user_id IS NULL AND s.email = u.email)))`;

function nationalFilter(filter: NationalApplicationFilter): SQL | undefined {
  return and(
    filter.province
      ? sql`${applications.lksId} IN (SELECT id FROM lks WHERE region_code LIKE ${`${filter.province}.%`})`
      : undefined,
    filter.regency
      ? sql`${applications.lksId} IN (SELECT id FROM lks WHERE region_code = ${filter.regency})`
      : undefined,
    filter.step ? eq(applications.step, filter.step) : undefined,
    filter.overdueAt ? and(isNotNull(applications.stepDueAt), lt(applications.stepDueAt, filter.overdueAt)) : undefined,
    filter.lksType
      ? sql`${applications.lksId} IN (SELECT lks.id FROM lks, json_each(lks.types) WHERE json_each.value = ${filter.lksType})`
      : undefined,
    filter.assigned && filter.assigned.steps.length > 0
      ? or(not(inArray(applications.step, [...filter.assigned.steps])), assignedTo(filter.assigned.userId))
      : undefined,
  );
}

/** BALKS's inbox: open applications of active tenants at the given (national) steps, most urgent first. */
export async function applicationsAtSteps(
  db: Db,
  steps: readonly string[],
  page: { cursor?: string | undefined; limit: number },
  filter: NationalApplicationFilter = {},
) {
  if (steps.length === 0) return { items: [], nextCursor: null, total: 0 };
  return applicationPage(
    db,
    and(
      eq(applications.open, 1),
      eq(tenants.status, "active"),
      inArray(applications.step, [...steps]),
      nationalFilter(filter),
    ),
    page,
  );
}

/** Every published workflow of the given tenants (national lists label each tenant's steps). */
export async function workflowDefinitionsOf(db: Db, tenantIds: readonly string[]) {
  if (tenantIds.length === 0) return [];
  return db
    .select({
      tenantId: workflowVersions.tenantId,
      version: workflowVersions.version,
      definition: workflowVersions.definition,
    })
    .from(workflowVersions)
    .where(inArray(workflowVersions.tenantId, [...tenantIds]));
}

/** The national readers' list: every open application of active tenants, at any step, most urgent first. */
export async function openApplications(
  db: Db,
  page: { cursor?: string | undefined; limit: number },
  filter: NationalApplicationFilter = {},
) {
  return applicationPage(db, and(eq(applications.open, 1), eq(tenants.status, "active"), nationalFilter(filter)), page);
}

/**
 * One page of applications with their LKS and tenant names, most urgent (earliest due) first, and
 * the total. The joined names are aliased: D1 batches map rows by column name, and `name` would
 * otherwise come from whichever table was selected last.
 */
async function applicationPage(db: Db, where: SQL | undefined, page: { cursor?: string | undefined; limit: number }) {
  const due = sql<string>`coalesce(${applications.stepDueAt}, '9999')`;
  const after = keyset(page.cursor, "asc", [due, applications.id]);
  if (!after) return null;
  const [rows, [counted]] = await db.batch([
    db
      // Only what a list shows: the JSON columns (checklist, letter, snapshots) stay in the database.
      .select({
        id: applications.id,
        tenantId: applications.tenantId,
        lksId: applications.lksId,
        kind: applications.kind,
        step: applications.step,
        workflowVersion: applications.workflowVersion,
        stepDueAt: applications.stepDueAt,
        version: applications.version,
        lksName: sql<string>`${lks.name}`.as("lks_name"),
        tenantSlug: tenants.slug,
        tenantName: sql<string>`${tenants.name}`.as("tenant_name"),
      })
      .from(applications)
      .innerJoin(lks, eq(lks.id, applications.lksId))
      .innerJoin(tenants, eq(tenants.id, applications.tenantId))
      .where(and(where, after.where))
      .orderBy(...after.orderBy)
      .limit(page.limit + 1),
    db
      .select({ total: sql<number>`count(*)` })
      .from(applications)
      .innerJoin(tenants, eq(tenants.id, applications.tenantId))
      .where(where),
  ]);
  return { ...toPage(rows, page.limit, (a) => [a.stepDueAt ?? "9999", a.id]), total: counted?.total ?? 0 };
}

/** How many moves reached `step` since `sinceIso`, in every tenant (a count only). */
export async function intakeArrivalCount(db: Db, step: string, sinceIso: string): Promise<number> {
  const [row] = await db
    .select({ total: sql<number>`count(*)` })
    .from(applicationEvents)
    .where(and(eq(applicationEvents.toStep, step), gte(applicationEvents.at, sinceIso)));
  return row?.total ?? 0;
}

/** The applications that reached `step` between the two instants (a day's digest), oldest first. */
export async function intakeArrivals(db: Db, step: string, fromIso: string, toIso: string) {
  return db
    .select({
      applicationId: applicationEvents.applicationId,
      at: applicationEvents.at,
      lksName: sql<string>`${lks.name}`.as("lks_name"),
      tenantName: sql<string>`${tenants.name}`.as("tenant_name"),
    })
    .from(applicationEvents)
    .innerJoin(applications, eq(applications.id, applicationEvents.applicationId))
    .innerJoin(lks, eq(lks.id, applications.lksId))
    .innerJoin(tenants, eq(tenants.id, applications.tenantId))
    .where(
      and(eq(applicationEvents.toStep, step), gte(applicationEvents.at, fromIso), lte(applicationEvents.at, toIso)),
    )
    .orderBy(asc(applicationEvents.at));
}

/** Active users holding one of the national `roles` (memberships without a tenant). */
export async function nationalHolders(db: Db, roles: readonly Role[]): Promise<{ userId: string; email: string }[]> {
  if (roles.length === 0) return [];
  return db
    .selectDistinct({ userId: users.id, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(isNull(memberships.tenantId), inArray(memberships.role, [...roles]), eq(users.status, "active")));
}
