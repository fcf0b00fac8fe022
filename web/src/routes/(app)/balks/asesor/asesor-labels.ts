import type { Membership } from "#lib/api-types.ts";
import { m } from "#lib/paraglide/messages.js";

/** Only the secretariat keeps the registry and forms teams (the API checks the same national grant). */
export const canKeepAsesors = (memberships: Membership[]) =>
  memberships.some((mm) => mm.tenant === null && mm.role === "balks_secretariat");

export const ASESOR_LKS_TYPES = ["LKSA", "LKS-LU", "LKSPD", "LKS-NAPZA", "LKS-ODHA", "LKS-LAIN"] as const;
export const BACKGROUNDS = ["academic", "practitioner", "trainer"] as const;
export const TIE_KINDS = ["organisation", "foundation", "lks", "employment", "family"] as const;

export function backgroundLabel(background: string): string {
  switch (background) {
    case "academic":
      return m.asr_bg_academic();
    case "practitioner":
      return m.asr_bg_practitioner();
    default:
      return m.asr_bg_trainer();
  }
}

export function tieKindLabel(kind: string): string {
  switch (kind) {
    case "organisation":
      return m.asr_tie_organisation();
    case "foundation":
      return m.asr_tie_foundation();
    case "lks":
      return m.asr_tie_lks();
    case "employment":
      return m.asr_tie_employment();
    default:
      return m.asr_tie_family();
  }
}

/** An assignment's answer: invited (waiting), accepted, declined. */
export function assignmentStatusLabel(status: string): string {
  switch (status) {
    case "accepted":
      return m.asr_status_accepted();
    case "declined":
      return m.asr_status_declined();
    default:
      return m.asr_status_invited();
  }
}

export { teamRoleLabel } from "#lib/team-role.ts";
