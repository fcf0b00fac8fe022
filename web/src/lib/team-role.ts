import { m } from "#lib/paraglide/messages.js";

/**
 * A team member's role. Apart from the asesor registry's labels (`balks/asesor/asesor-labels.ts`
 * re-exports it) so the visit scoring page, at the edge of its first-load budget, loads only this.
 */
export const teamRoleLabel = (role: string) => (role === "lead" ? m.asr_role_lead() : m.asr_role_member());
