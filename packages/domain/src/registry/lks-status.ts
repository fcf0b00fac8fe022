import type { LksStatus } from "./vocabulary.ts";

/**
 * The registration life of an LKS with its Dinsos:
 * pending_verification --verify--> registered
 * pending_verification --return--> returned --resubmit--> pending_verification
 * registered --(legal fields change, or moves to another kab/kota)--> pending_verification
 */
export type LksAction = "verify" | "return" | "resubmit" | "reverify";

const TRANSITIONS: Record<LksAction, { from: readonly LksStatus[]; to: LksStatus }> = {
  verify: { from: ["pending_verification"], to: "registered" },
  return: { from: ["pending_verification"], to: "returned" },
  resubmit: { from: ["returned"], to: "pending_verification" },
  reverify: { from: ["registered", "pending_verification", "returned"], to: "pending_verification" },
};

/** The status after `action`, or null when the action is not possible from `status`. */
export function nextLksStatus(status: LksStatus, action: LksAction): LksStatus | null {
  const transition = TRANSITIONS[action];
  return transition.from.includes(status) ? transition.to : null;
}

/** Status after a profile edit: a registered LKS whose legal identity or kab/kota changed goes back to its Dinsos. */
export function statusAfterEdit(status: LksStatus, legalChange: boolean, moved: boolean): LksStatus {
  if (moved) return "pending_verification";
  if (status === "registered" && legalChange) return "pending_verification";
  return status;
}
