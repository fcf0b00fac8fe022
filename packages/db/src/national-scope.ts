import type { Role } from "@akrab/domain";
import {
  applicationsAtSteps,
  openApplications,
  workflowDefinitionsOf,
  type NationalApplicationFilter,
} from "./applications.ts";
import { asesorReads, asesorWrites } from "./asesors.ts";
import { certificateReads, certificateWrites } from "./certificates.ts";
import { abortIfNothingChanged } from "./batch-guard.ts";
import { decisionReads, decisionWrites } from "./decisions.ts";
import type { BatchItem, Db } from "./client.ts";
import { instrumentReads, instrumentWrites } from "./instruments.ts";
import { reportReads } from "./report-reads.ts";
import { findCentralUnit, listNationalLks, type NationalLksFilter } from "./lks-registry.ts";
import { enqueueEmail, findOutboxMessage, listOutbox, requeueMessage, type OutgoingEmail } from "./outbox.ts";
import { decideSignup, findSignup, listSignups, tenantCreation, type TenantSignupRow } from "./signups.ts";
import { initialTenantSetup } from "./tenant-setup.ts";
import { tenantScope } from "./tenant-scope.ts";
import { supervisionReads, supervisionWrites } from "./supervision.ts";
import { visitPlanReads, visitPlanWrites } from "./visit-plans.ts";
import {
  findTenantById,
  findTenantByRegion,
  findTenantBySlug,
  listTenants,
  setTenantStatus,
  tenantSlugs,
  type Tenant,
} from "./tenants.ts";

type PageRequest = { cursor?: string | undefined; limit: number };

/**
 * What a national route (BALKS, platform admin) reads, built by the `national` middleware the way
 * `tenantScope` is for tenant routes: tenant-owned rows (applications) only of active tenants. The
 * tenant registry itself lists every tenant, deactivated ones too: the platform admin reactivates
 * them from there. Read-only: writes are a separate, explicit grant (`nationalWriteScope`).
 */
export function nationalScope(db: Db, roles: readonly Role[]) {
  return {
    /** The national roles the caller holds (a route may serve several). */
    roles,
    tenants: {
      list: (page: PageRequest) => listTenants(db, page),
      bySlug: (slug: string) => findTenantBySlug(db, slug),
      byId: (id: string) => findTenantById(db, id),
      byRegion: (regionCode: string) => findTenantByRegion(db, regionCode),
      slugs: (ids: string[]) => tenantSlugs(db, ids),
    },
    applications: {
      /** Open applications of active tenants at the given national steps, most urgent first. */
      atSteps: (steps: readonly string[], page: PageRequest, filter?: NationalApplicationFilter) =>
        applicationsAtSteps(db, steps, page, filter),
      /** Every open application of active tenants (a national reader's list), most urgent first. */
      open: (page: PageRequest, filter?: NationalApplicationFilter) => openApplications(db, page, filter),
      /** The published workflows of the tenants given (step labels of a list across tenants). */
      definitionsOf: (tenantIds: readonly string[]) => workflowDefinitionsOf(db, tenantIds),
    },
    lks: {
      list: (filter: NationalLksFilter, page: PageRequest) => listNationalLks(db, filter, page),
    },
    signups: {
      list: (status: TenantSignupRow["status"], page: PageRequest) => listSignups(db, status, page),
      find: (id: string) => findSignup(db, id),
    },
    /** Kemensos units (central government), which BALKS registers into their province's tenant. */
    centralUnits: {
      find: (id: string) => findCentralUnit(db, id),
    },
    /** Accreditation instrument versions, drafts and published (BALKS manages them). */
    instruments: instrumentReads(db),
    /** BALKS's asesor registry and the teams formed from it (issue 13). */
    asesors: asesorReads(db),
    /** Visit plans: routes of LKS visits for one asesor team, across tenants (issue 13). */
    visitPlans: visitPlanReads(db),
    /** Certificates across tenants, the settings and the number counters (issue 14). */
    certificates: certificateReads(db),
    /** Reconciled sheets and plenary decisions (issue 13); reach the application first. */
    decisions: decisionReads(db),
    /** Improvement plans across tenants and BALKS's supervision settings (issue 14). */
    supervision: supervisionReads(db),
    /** The report roll-ups of every tenant (issue 15). */
    reports: reportReads(db, null),
    /** Every message and its delivery state (platform admins follow delivery here). */
    outbox: {
      list: (page: PageRequest) => listOutbox(db, page),
      find: (id: string) => findOutboxMessage(db, id),
    },
  };
}

/** The writes a national role legitimately makes, on top of the reads; granted per route. */
export function nationalWriteScope(db: Db, roles: readonly Role[]) {
  return {
    ...nationalScope(db, roles),
    write: {
      /** One D1 batch: one transaction, one round trip. */
      batch: <T extends readonly [BatchItem, ...BatchItem[]]>(statements: T) => db.batch(statements),
      /** Rolls the batch back when the conditional write before it changed nothing (see batch-guard.ts). */
      abortIfNothingChanged: () => abortIfNothingChanged(db),
      enqueueEmail: (email: OutgoingEmail) => enqueueEmail(db, email),
      /** A failed or dead message back to pending with fresh tries; changes nothing in any other state. */
      requeueMessage: (id: string) => requeueMessage(db, id),
      /** Drafts of instrument versions and their publication; a published version is never written. */
      instruments: instrumentWrites(db),
      asesors: asesorWrites(db),
      visitPlans: visitPlanWrites(db),
      certificates: certificateWrites(db),
      decisions: decisionWrites(db),
      supervision: supervisionWrites(db),
      setTenantStatus: (tenantId: string, status: Tenant["status"]) => setTenantStatus(db, tenantId, status),
      decideSignup: (id: string, decision: Parameters<typeof decideSignup>[2]) => decideSignup(db, id, decision),
      createTenant: (input: Parameters<typeof tenantCreation>[1]) => tenantCreation(db, input),
      initialTenantSetup: (tenantId: string, by: string | null) => initialTenantSetup(db, tenantId, by),
      /** The new tenant's own scope (its first invitation), through the one constructor. */
      scopeOf: (tenant: Tenant) => tenantScope(db, tenant),
    },
  };
}

export type NationalScope = ReturnType<typeof nationalScope>;
export type NationalWriteScope = ReturnType<typeof nationalWriteScope>;
