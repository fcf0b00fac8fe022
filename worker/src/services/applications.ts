import type { ApplicationView } from "@akrab/contracts";
import type { ApplicationStore, MembershipView, Tenant } from "@akrab/db";
import {
  applicationPermissions,
  availableActions,
  isOverdue,
  rolesForStep,
  selfAssessmentRequired,
  stepOf,
  type ApplicationPermissions,
  type MembershipGrant,
  type Role,
  type TenantAccess,
  type WorkflowDefinition,
  type WorkflowStep,
} from "@akrab/domain";
import type { Context } from "hono";
import type { TenantEnv } from "../env.ts";
import { Problem } from "../middleware/problem/index.ts";

export type StoredApplication = NonNullable<Awaited<ReturnType<ApplicationStore["find"]>>>;

export function grantsOf(memberships: readonly MembershipView[]): MembershipGrant[] {
  return memberships.map((m) => ({ role: m.role, tenantId: m.tenant?.id ?? null, lksId: m.lks?.id ?? null }));
}

/** Loads the workflow version an application is pinned to. */
export async function definitionFor(
  store: ApplicationStore,
  app: { tenantId: string; workflowVersion: number },
): Promise<WorkflowDefinition> {
  const version = await store.workflowVersion(app.workflowVersion, app.tenantId);
  if (!version) throw new Problem("internal", `Workflow version ${app.workflowVersion} is missing`);
  return version.definition;
}

export function currentStep(def: WorkflowDefinition, stepId: string): WorkflowStep {
  const step = stepOf(def, stepId);
  if (!step) throw new Problem("internal", `Step ${stepId} is not in the application's workflow`);
  return step;
}

/** Who is asking, as the application rules need it: their memberships, their reach to the URL's tenant, and that tenant. */
export interface Caller {
  memberships: readonly MembershipView[];
  access: TenantAccess;
  tenant: Tenant;
}

export function callerOf(c: Context<TenantEnv, string, object>): Caller {
  return { memberships: c.get("principal").memberships, access: c.get("access"), tenant: c.get("scope").tenant };
}

/**
 * The roles the caller brings to a step of the application (see rolesForStep). None when the
 * application is read through another tenant (a province reading its kab/kota's): every change
 * goes through the application's own tenant.
 */
export function callerRoles(step: WorkflowStep, caller: Caller, app: StoredApplication): Role[] {
  if (app.tenantId !== caller.tenant.id) return [];
  const place = {
    tenantId: app.tenantId,
    tenantLevel: caller.tenant.level,
    parentTenantId: caller.tenant.parentId,
    lksId: app.lksId,
  };
  return rolesForStep(step.actor, grantsOf(caller.memberships), place);
}

/** What the caller may do with the application at its current step (see applicationPermissions). */
export function permissionsOf(def: WorkflowDefinition, caller: Caller, app: StoredApplication): ApplicationPermissions {
  const step = currentStep(def, app.step);
  const stepRoles = callerRoles(step, caller, app);
  return applicationPermissions({
    access: caller.access,
    throughOwnTenant: app.tenantId === caller.tenant.id,
    lksId: app.lksId,
    step,
    stepRoles,
    actionCount: availableActions(def, app.step, stepRoles).length,
  });
}

export function presentApplication(
  app: StoredApplication,
  def: WorkflowDefinition,
  caller: Caller,
  changes: Pick<ApplicationView, "changesSinceReturn" | "documentChanges">,
  now = Date.now(),
): ApplicationView {
  const step = currentStep(def, app.step);
  const roles = callerRoles(step, caller, app);
  return {
    id: app.id,
    kind: app.kind,
    lks: { id: app.lksId, name: app.lksName },
    tenant: { slug: app.tenantSlug, name: app.tenantName },
    step: { id: step.id, label: step.label, actor: step.actor, terminal: step.terminal },
    workflowVersion: app.workflowVersion,
    version: app.version,
    letter: app.letter as ApplicationView["letter"],
    // Copies made before items had English (issue 10) read as having none.
    checklist: app.checklist.map((item) => ({
      ...item,
      nameEn: item.nameEn ?? "",
      descriptionEn: item.descriptionEn ?? "",
    })),
    returnItems: app.returnItems,
    availableActions: availableActions(def, app.step, roles).map((t) => ({
      action: t.action,
      label: t.label,
      to: t.to,
      commentRequired: t.commentRequired,
      checklistRequired: t.checklistRequired,
      selfAssessmentRequired: selfAssessmentRequired(t, step, currentStep(def, t.to)),
    })),
    permissions: permissionsOf(def, caller, app),
    stepEnteredAt: app.stepEnteredAt,
    stepDueAt: app.stepDueAt,
    overdue: isOverdue(app.stepDueAt, now),
    submittedAt: app.submittedAt,
    instrumentVersionId: app.instrumentVersionId,
    createdAt: app.createdAt,
    ...changes,
  };
}
