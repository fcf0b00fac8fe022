import type { Role } from "../identity/roles.ts";
import type { WorkflowDefinition, WorkflowStep, WorkflowTransition } from "./definition.ts";

export { isEscalated, isOverdue, slaDueAt } from "./sla.ts";

export function stepOf(def: WorkflowDefinition, stepId: string): WorkflowStep | undefined {
  return def.steps.find((step) => step.id === stepId);
}

const permits = (transition: WorkflowTransition, roles: readonly Role[]) =>
  transition.roles.some((role) => roles.includes(role));

/**
 * What someone holding `roles` may do in `stepId` (comment and checklist requirements are shown,
 * not checked: the caller asks for them). The API decides which memberships count for the step's
 * actor; this only matches roles.
 */
export function availableActions(
  def: WorkflowDefinition,
  stepId: string,
  roles: readonly Role[],
): WorkflowTransition[] {
  const step = stepOf(def, stepId);
  if (!step || step.terminal) return [];
  return def.transitions.filter((t) => t.from === stepId && permits(t, roles) && stepOf(def, t.to) !== undefined);
}

export type TransitionRefusal =
  | "unknown_step"
  | "terminal"
  | "unknown_action"
  | "forbidden"
  | "comment_required"
  | "checklist_incomplete";

export type TransitionResult =
  | { ok: true; transition: WorkflowTransition; to: WorkflowStep }
  | { ok: false; reason: TransitionRefusal };

/**
 * Takes `action` from `stepId`, or says why not. Pure: the caller stores the new step, audit
 * event and notifications together. `unknown_step` also covers a transition whose target is
 * missing, which only a definition that skipped validation can have.
 */
export function applyTransition(
  def: WorkflowDefinition,
  stepId: string,
  action: string,
  ctx: { roles: readonly Role[]; comment?: string; checklistComplete: boolean },
): TransitionResult {
  const step = stepOf(def, stepId);
  if (!step) return { ok: false, reason: "unknown_step" };
  if (step.terminal) return { ok: false, reason: "terminal" };
  const named = def.transitions.filter((t) => t.from === stepId && t.action === action);
  if (named.length === 0) return { ok: false, reason: "unknown_action" };
  const permitted = named.filter((t) => permits(t, ctx.roles));
  if (permitted.length === 0) return { ok: false, reason: "forbidden" };
  // Same choice as availableActions: the first permitted transition that leads somewhere.
  const transition = permitted.find((t) => stepOf(def, t.to) !== undefined);
  const to = transition && stepOf(def, transition.to);
  if (!transition || !to) return { ok: false, reason: "unknown_step" };
  if (transition.commentRequired && !ctx.comment?.trim()) return { ok: false, reason: "comment_required" };
  if (transition.checklistRequired && !ctx.checklistComplete) return { ok: false, reason: "checklist_incomplete" };
  return { ok: true, transition, to };
}

/** An application may be moved to another published version only if its current step exists there. */
export function canMoveToVersion(stepId: string, next: WorkflowDefinition): boolean {
  return stepOf(next, stepId) !== undefined;
}
