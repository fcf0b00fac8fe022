import type { Role } from "../identity/roles.ts";
import { canUploadFor } from "../documents/upload-rules.ts";
import type { TenantAccess } from "../tenancy/access.ts";
import type { StepActor } from "../workflow/definition.ts";

/**
 * What the caller may do with one application now, beside the workflow actions it is offered.
 * The API computes it once and sends it with the application, so no client restates the rules.
 */
export interface ApplicationPermissions {
  /** Add a file to a checklist requirement or as evidence. */
  mayUpload: boolean;
  /** Correct the application letter. */
  mayEditLetter: boolean;
  /** Accept or return the uploaded documents one by one. */
  mayReviewDocuments: boolean;
  /** Take one of `availableActions` (submit, return, recommend, …). */
  mayTakeAction: boolean;
}

export interface PermissionInput {
  /** How the caller reaches the tenant it reads the application through. */
  access: TenantAccess;
  /** False when the application is read through a province: every change goes through its own tenant. */
  throughOwnTenant: boolean;
  lksId: string;
  step: { actor: StepActor; terminal: boolean };
  /** The roles the caller brings to the current step (see rolesForStep); empty through another tenant. */
  stepRoles: readonly Role[];
  /** How many workflow actions the caller is offered at this step. */
  actionCount: number;
}

/**
 * One place for who may do what with an application:
 * - upload: the LKS's own operators while it is with the LKS, and the tenant's verifiers and
 *   admins while it is open (canUploadFor);
 * - the letter: whoever acts at an LKS step (its operators), while the application is with them;
 * - document review: whoever acts at a Dinsos or BALKS step;
 * - and nothing at all through another tenant or once the application is closed.
 */
export function applicationPermissions(input: PermissionInput): ApplicationPermissions {
  const { access, throughOwnTenant, lksId, step, stepRoles, actionCount } = input;
  const open = throughOwnTenant && !step.terminal;
  const actsHere = open && stepRoles.length > 0;
  return {
    mayUpload: open && canUploadFor(access, { lksId, application: { stepActor: step.actor, terminal: step.terminal } }),
    mayEditLetter: actsHere && step.actor === "lks",
    mayReviewDocuments: actsHere && step.actor !== "lks",
    mayTakeAction: open && actionCount > 0,
  };
}
