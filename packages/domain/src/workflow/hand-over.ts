import type { StepActor } from "./steps.ts";

/**
 * Whether taking `transition` from `from` to `to` needs a complete self-assessment: as the
 * transition says, or by default whenever the LKS hands the application over (submit, resubmit).
 */
export function selfAssessmentRequired(
  transition: { selfAssessmentRequired?: boolean },
  from: { actor: StepActor },
  to: { actor: StepActor },
): boolean {
  return transition.selfAssessmentRequired ?? (from.actor === "lks" && to.actor !== "lks");
}
