import type { Role } from "../identity/roles.ts";
import type { MembershipGrant } from "./access.ts";

/**
 * What can wait for a person on their home page:
 * - `applications`: applications at a step of a tenant's workflow where one of their roles acts;
 * - `lks_to_verify`: LKS registrations waiting for a Dinsos verifier or head;
 * - `lks_returned`: the operator's own LKS registration, returned by the Dinsos for correction;
 * - `national_applications`: applications at a national step where a BALKS role acts.
 */
export const WORK_KINDS = ["applications", "lks_to_verify", "lks_returned", "national_applications"] as const;
export type WorkKind = (typeof WORK_KINDS)[number];

/** One membership as the home sees it: its grant and its id (the role to act in when following a count). */
export type WorkGrant = MembershipGrant & { membershipId: string };

/** One tenant (or the national organisation, `tenantId` null) with the work a person's roles there may have. */
export interface WorkGroup {
  tenantId: string | null;
  roles: Role[];
  /** Each kind with the membership to act in for it (the first role, in the order held, that does that work). */
  kinds: Array<{ kind: WorkKind; membershipId: string }>;
}

const DOERS: Record<WorkKind, readonly Role[]> = {
  applications: ["dinsos_verifier", "dinsos_head", "lks_operator"],
  lks_to_verify: ["dinsos_verifier", "dinsos_head"],
  lks_returned: ["lks_operator"],
  national_applications: ["balks_secretariat", "balks_decider", "asesor"],
};
const TENANT_KINDS: readonly WorkKind[] = ["applications", "lks_to_verify", "lks_returned"];
const NATIONAL_KINDS: readonly WorkKind[] = ["national_applications"];

/**
 * Every place a person holds roles, grouped (tenants in the order first held, the national
 * organisation as one group), with the kinds of work each may hold: the home counts them all at
 * once, so nobody has to switch "Bertindak sebagai" to find what waits for them. A group whose
 * roles do no such work (a tenant admin only, a national viewer, the platform admin) is kept with
 * no kinds: the home still shows where the person belongs.
 */
export function workPlan(grants: readonly WorkGrant[]): WorkGroup[] {
  const groups = new Map<string | null, WorkGrant[]>();
  for (const grant of grants) groups.set(grant.tenantId, [...(groups.get(grant.tenantId) ?? []), grant]);
  return [...groups.entries()].map(([tenantId, held]) => {
    const kinds = (tenantId === null ? NATIONAL_KINDS : TENANT_KINDS).flatMap((kind) => {
      const doer = held.find((grant) => DOERS[kind].includes(grant.role));
      return doer ? [{ kind, membershipId: doer.membershipId }] : [];
    });
    return { tenantId, roles: [...new Set(held.map((grant) => grant.role))], kinds };
  });
}
