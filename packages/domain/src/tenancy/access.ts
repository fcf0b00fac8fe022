import { NATIONAL_READERS, isNationalRole, type Role } from "../identity/roles.ts";

/** A membership as the access rules see it: which role, in which tenant (null = national). */
export interface MembershipGrant {
  role: Role;
  tenantId: string | null;
  lksId: string | null;
}

/** The tenant being addressed, with the parent province tenant of a kab/kota. */
export interface TenantRef {
  id: string;
  parentId: string | null;
}

/**
 * How a caller reaches a tenant:
 * - `member`: holds at least one role inside the tenant itself — may read and, per role, act.
 * - `province`: holds a role in the tenant's parent province — reads only.
 * - `national`: holds a national reading role — reads only.
 * - `assignment`: an asesor on the team of some of the tenant's applications — reaches those only
 *   (see `assignmentAccess`).
 * Null means the tenant is invisible to the caller (the API answers 404).
 */
export type TenantAccess =
  | { via: "member"; roles: Role[]; lksIds: string[] }
  | { via: "province"; roles: Role[] }
  | { via: "national"; roles: Role[] }
  | { via: "assignment"; roles: Role[]; applicationIds: string[] };

export function resolveTenantAccess(grants: readonly MembershipGrant[], tenant: TenantRef): TenantAccess | null {
  const own = grants.filter((g) => g.tenantId === tenant.id);
  if (own.length > 0) {
    return {
      via: "member",
      roles: unique(own.map((g) => g.role)),
      lksIds: unique(own.flatMap((g) => (g.lksId ? [g.lksId] : []))),
    };
  }
  const province = tenant.parentId
    ? grants.filter((g) => g.tenantId === tenant.parentId && g.role !== "lks_operator")
    : [];
  if (province.length > 0) return { via: "province", roles: unique(province.map((g) => g.role)) };
  const national = grants.filter(
    (g) => g.tenantId === null && isNationalRole(g.role) && NATIONAL_READERS.includes(g.role),
  );
  if (national.length > 0) return { via: "national", roles: unique(national.map((g) => g.role)) };
  return null;
}

/**
 * The assignment axis (ARCHITECTURE.md, "Three axes of access"): an asesor is national but reads
 * no tenant as such; a tenant becomes visible to them only through the applications whose team
 * they are on (invited or accepted), and then only those. Anyone without the national asesor
 * role, or an asesor on none of the tenant's teams, gets nothing (the tenant stays a 404).
 */
export function assignmentAccess(
  grants: readonly MembershipGrant[],
  assignedApplicationIds: readonly string[],
): TenantAccess | null {
  if (!holdsNationalRole(grants, ["asesor"]) || assignedApplicationIds.length === 0) return null;
  return { via: "assignment", roles: ["asesor"], applicationIds: unique([...assignedApplicationIds]) };
}

/** True when the caller holds one of `roles` directly in the tenant (reading through a province or nationally never allows writes). */
export function canActAs(access: TenantAccess, roles: readonly Role[]): boolean {
  return access.via === "member" && access.roles.some((r) => roles.includes(r));
}

/** True when the caller may act in the national part (BALKS) with one of `roles`. */
export function holdsNationalRole(grants: readonly MembershipGrant[], roles: readonly Role[]): boolean {
  return grants.some((g) => g.tenantId === null && roles.includes(g.role));
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

/**
 * Which LKS of a tenant the caller may see: all of them (undefined) for Dinsos staff, the parent
 * province and national readers; only its own for a caller who is nothing but an LKS operator.
 */
export function visibleLksIds(access: TenantAccess): string[] | undefined {
  if (access.via === "member" && access.roles.every((role) => role === "lks_operator")) return access.lksIds;
  return undefined;
}

/** Dinsos staff who keep the LKS registry: register LKS on their behalf and correct profiles. */
export const REGISTRY_KEEPERS: readonly Role[] = ["dinsos_verifier", "tenant_admin"];

/** An LKS profile may be edited by its own operators and by the Dinsos that keeps its registry. */
export function canEditLks(access: TenantAccess, lksId: string): boolean {
  return canActAs(access, REGISTRY_KEEPERS) || (access.via === "member" && access.lksIds.includes(lksId));
}

/**
 * Opening an accreditation application is the LKS's own act; a government unit is run by its
 * Dinsos, so the Dinsos staff of the tenant holding it open one for it as well (issue 17).
 */
export function canOpenApplication(access: TenantAccess, lksId: string, government: boolean): boolean {
  if (access.via === "member" && access.lksIds.includes(lksId)) return true;
  return government && canActAs(access, REGISTRY_KEEPERS);
}

/** Verifying or returning an LKS registration is the Dinsos verifiers' and heads' decision. */
export function canDecideLks(access: TenantAccess): boolean {
  return canActAs(access, ["dinsos_verifier", "dinsos_head"]);
}
