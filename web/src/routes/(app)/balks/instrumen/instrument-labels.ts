import type { Membership } from "#lib/api-types.ts";
import { m } from "#lib/paraglide/messages.js";

/**
 * BALKS's roles on instruments (packages/domain `INSTRUMENT_EDITORS` / `INSTRUMENT_PUBLISHERS`):
 * national grants, whatever membership the person is acting as, as the API checks them.
 */
const holds = (memberships: Membership[], role: string) =>
  memberships.some((mm) => mm.tenant === null && mm.role === role);
export const canEditInstruments = (memberships: Membership[]) => holds(memberships, "balks_secretariat");
export const canPublishInstruments = (memberships: Membership[]) => holds(memberships, "balks_decider");

export function instrumentStatusLabel(status: string): string {
  return status === "published" ? m.instr_status_published() : m.instr_status_draft();
}

/** What changed in an indicator between two versions (packages/domain `INDICATOR_CHANGES`). */
export function indicatorChangeLabel(change: string): string {
  switch (change) {
    case "code":
      return m.instr_change_code();
    case "text":
      return m.instr_change_text();
    case "guidance":
      return m.instr_change_guidance();
    case "weight":
      return m.instr_change_weight();
    case "rubric":
      return m.instr_change_rubric();
    case "evidence":
      return m.instr_change_evidence();
    case "onSite":
      return m.instr_change_on_site();
    case "safeguarding":
      return m.instr_change_safeguarding();
    default:
      return change;
  }
}
