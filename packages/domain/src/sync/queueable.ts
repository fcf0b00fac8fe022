import { REVISION_STEP } from "../workflow/steps.ts";

/**
 * Which workflow actions a person may take without a connection: written to the device, sent when
 * the link returns, guarded by the version they were based on (a moved application refuses them).
 *
 * Queued:
 * - the LKS's hand-over that the server checks against the checklist (submit, resubmit): the LKS
 *   hands over what it prepared; if a document is missing after all, the server refuses it with the
 *   reason and nothing is lost;
 * - a return to the LKS for revision: what it carries is notes about what to fix, written from the
 *   file the verifier read; if the LKS changed the application meanwhile, the version refuses it.
 *
 * Never queued (they say they need a connection):
 * - forwarding or deciding (recommend, accept into BALKS, accredit, decline, issue a certificate…):
 *   they vouch for the file as the server holds it now, which the person must see first;
 * - withdrawing, or any other action of the LKS without a checklist check: final, and nothing the
 *   server checks would stop one taken from an outdated screen.
 * Workflows are tenant data, so the rule reads the transition's shape, never its name.
 */
export function queueableOffline(
  action: { to: string; checklistRequired: boolean },
  step: { id: string; actor: string },
): boolean {
  if (step.actor === "lks") return action.checklistRequired && action.to !== REVISION_STEP;
  return action.to === REVISION_STEP && step.id !== REVISION_STEP;
}
