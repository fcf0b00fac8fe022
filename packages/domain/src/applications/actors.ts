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
 * The tenant whose people act at a step: the application's own tenant for the LKS and kab/kota
 * steps (an LKS registered with a province has no kab/kota Dinsos on Akrab, so the province does
 * that step); its province for the province step, or the tenant itself when it is a province;
 * none for a national step (BALKS has no tenant) or a province that has not joined Akrab.
 */
export function actingTenantId(actor: StepActor, place: Omit<ApplicationPlace, "lksId">): string | null {
  switch (actor) {
    case "lks":
    case "kabkota":
      return place.tenantId;
    case "province":
      return place.tenantLevel === "province" ? place.tenantId : place.parentTenantId;
    case "national":
      return null;
  }
}

/**
 * The roles a caller brings to a step, by who acts there: the LKS's own operators; the Dinsos of
 * the application's kab/kota; its province's Dinsos (or the tenant itself when the LKS is
 * registered with the province); BALKS. A role held anywhere else does not count, so a verifier of
 * one kab/kota can never act on another's applications.
 */
export function rolesForStep(actor: StepActor, grants: readonly MembershipGrant[], place: ApplicationPlace): Role[] {
  const held = (predicate: (g: MembershipGrant) => boolean) => [
    ...new Set(grants.filter(predicate).map((g) => g.role)),
  ];
  if (actor === "national") return held((g) => g.tenantId === null && isNationalRole(g.role));
  const tenantId = actingTenantId(actor, place);
  if (!tenantId) return [];
  if (actor === "lks")
    return held((g) => g.role === "lks_operator" && g.tenantId === tenantId && g.lksId === place.lksId);
  return held((g) => g.tenantId === tenantId && g.role !== "lks_operator");
}
