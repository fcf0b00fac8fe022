import type { ApplicationView } from "@akrab/contracts";
import type { ApplicationStore, MembershipView, Tenant } from "@akrab/db";
import { availableActions, rolesForStep, stepOf, type MembershipGrant, type Role, type WorkflowDefinition, type WorkflowStep } from "@akrab/domain";
import { Problem } from "../middleware/problem/index.ts";

export type StoredApplication = NonNullable<Awaited<ReturnType<ApplicationStore["find"]>>>;
export type ChecklistEntry = ApplicationView["checklist"][number];

export function grantsOf(memberships: readonly MembershipView[]): MembershipGrant[] {
  return memberships.map((m) => ({ role: m.role, tenantId: m.tenant?.id ?? null, lksId: m.lks?.id ?? null }));
}

/** Loads the workflow version an application is pinned to. */
export async function definitionFor(store: ApplicationStore, app: { tenantId: string; workflowVersion: number }): Promise<WorkflowDefinition> {
  const version = await store.workflowVersion(app.workflowVersion, app.tenantId);
  if (!version) throw new Problem("internal", `Workflow version ${app.workflowVersion} is missing`);
  return version.definition as unknown as WorkflowDefinition;
}

export function currentStep(def: WorkflowDefinition, stepId: string): WorkflowStep {
  const step = stepOf(def, stepId);
  if (!step) throw new Problem("internal", `Step ${stepId} is not in the application's workflow`);
  return step;
}

/** The roles the caller brings to the application's current step (see rolesForStep). */
export function callerRoles(step: WorkflowStep, memberships: readonly MembershipView[], app: StoredApplication, tenant: Tenant): Role[] {
  return rolesForStep(step.actor, grantsOf(memberships), { tenantId: app.tenantId, tenantLevel: tenant.level, parentTenantId: tenant.parentId, lksId: app.lksId });
}

/** Every required document uploaded (for the LKS) or accepted (for a Dinsos or BALKS step). */
export function checklistComplete(checklist: readonly ChecklistEntry[], actor: WorkflowStep["actor"]): boolean {
  const done = actor === "lks" ? ["uploaded", "accepted"] : ["accepted"];
  return checklist.filter((item) => item.required).every((item) => done.includes(item.status));
}

export function presentApplication(
  app: StoredApplication,
  def: WorkflowDefinition,
  roles: readonly Role[],
  changesSinceReturn: ApplicationView["changesSinceReturn"],
  now = Date.now(),
): ApplicationView {
  const step = currentStep(def, app.step);
  return {
    id: app.id,
    kind: app.kind,
    lks: { id: app.lksId, name: app.lksName },
    tenant: { slug: app.tenantSlug, name: app.tenantName },
    step: { id: step.id, label: step.label, actor: step.actor, terminal: step.terminal },
    workflowVersion: app.workflowVersion,
    version: app.version,
    letter: app.letter as ApplicationView["letter"],
    checklist: app.checklist as unknown as ChecklistEntry[],
    returnItems: app.returnItems as ApplicationView["returnItems"],
    availableActions: availableActions(def, app.step, roles).map((t) => ({ action: t.action, label: t.label, to: t.to, commentRequired: t.commentRequired, checklistRequired: t.checklistRequired })),
    stepEnteredAt: app.stepEnteredAt,
    stepDueAt: app.stepDueAt,
    overdue: app.stepDueAt !== null && Date.parse(app.stepDueAt) < now,
    submittedAt: app.submittedAt,
    createdAt: app.createdAt,
    changesSinceReturn,
  };
}

export function staleApplication(): Problem {
  return new Problem("conflict", "Permohonan telah diubah orang lain; muat ulang / The application changed meanwhile; reload");
}
