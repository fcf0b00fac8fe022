/**
 * The tenant admin's setup list (issue 10): what a newly approved Dinsos does before its first LKS
 * applies. Shown on the admin's home until every step is done or the admin hides it.
 */
export const SETUP_STEPS = ["profile", "colleagues", "workflow"] as const;
export type SetupStep = (typeof SETUP_STEPS)[number];

export interface SetupFacts {
  address: string | null;
  phone: string | null;
  hasLogo: boolean;
  /** People holding a Dinsos role (admin, verifier, head) in the tenant, the admin included. */
  dinsosPeople: number;
  /** Invitations to a Dinsos role not yet expired (accepted ones count as people already). */
  openDinsosInvitations: number;
  workflowReviewedAt: string | null;
  setupDismissedAt: string | null;
}

export interface SetupState {
  steps: { id: SetupStep; done: boolean }[];
  complete: boolean;
  dismissed: boolean;
  /** The list is on the home: not complete and not hidden. */
  show: boolean;
}

export function setupState(facts: SetupFacts): SetupState {
  const done: Record<SetupStep, boolean> = {
    // Letters and the LKS's screens show the office's address, phone and logo.
    profile: Boolean(facts.address?.trim()) && Boolean(facts.phone?.trim()) && facts.hasLogo,
    // Asking one colleague is the step; a one-person office hides the list instead.
    colleagues: facts.dinsosPeople > 1 || facts.openDinsosInvitations > 0,
    workflow: facts.workflowReviewedAt !== null,
  };
  const steps = SETUP_STEPS.map((id) => ({ id, done: done[id] }));
  const complete = steps.every((step) => step.done);
  const dismissed = facts.setupDismissedAt !== null;
  return { steps, complete, dismissed, show: !complete && !dismissed };
}
