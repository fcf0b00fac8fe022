import { isNationalRole, type Role } from "../identity/roles.ts";
import type { MembershipGrant } from "../tenancy/access.ts";
import type { StepActor } from "../workflow/definition.ts";

export interface ApplicationPlace {
  tenantId: string;
  tenantLevel: "province" | "kabkota";
  /** The province tenant above a kab/kota tenant, if it uses Akrab. */
  parentTenantId: string | null;
  lksId: string;
}

/**
 * The roles a caller brings to a step, by who acts there: the LKS's own operators; the Dinsos of
 * the application's kab/kota; its province's Dinsos (or the tenant itself when the LKS is
 * registered with the province); BALKS. A role held anywhere else does not count, so a verifier of
 * one kab/kota can never act on another's applications.
 */
export function rolesForStep(actor: StepActor, grants: readonly MembershipGrant[], place: ApplicationPlace): Role[] {
  const held = (predicate: (g: MembershipGrant) => boolean) => [...new Set(grants.filter(predicate).map((g) => g.role))];
  switch (actor) {
    case "lks":
      return held((g) => g.role === "lks_operator" && g.tenantId === place.tenantId && g.lksId === place.lksId);
    // An LKS registered with a province has no kab/kota Dinsos on Akrab: the province does that step.
    case "kabkota":
      return held((g) => g.tenantId === place.tenantId && g.role !== "lks_operator");
    case "province": {
      const provinceTenant = place.tenantLevel === "province" ? place.tenantId : place.parentTenantId;
      return provinceTenant ? held((g) => g.tenantId === provinceTenant && g.role !== "lks_operator") : [];
    }
    case "national":
      return held((g) => g.tenantId === null && isNationalRole(g.role));
  }
}
