import {
  REGISTRY_KEEPERS,
  canActAs,
  canDecideLks,
  canEditLks,
  canOpenApplication,
  holdsNationalRole,
} from "../tenancy/access.ts";
import type { MembershipGrant, TenantAccess } from "../tenancy/access.ts";
import { nextLksStatus } from "./lks-status.ts";
import { registrarOf } from "./profile-rules.ts";
import type { LksStatus, Ownership } from "./vocabulary.ts";

/**
 * What the caller may do with one LKS now, through the routes it read the LKS from. The API sends
 * it with every LKS detail and enforces the same answers (lksRefusal), so the two cannot disagree.
 */
export interface LksPermissions {
  /** Change the profile. */
  mayEdit: boolean;
  /** Verify or return a registration waiting for its Dinsos. */
  mayDecide: boolean;
  /** Send a returned registration back to the Dinsos. */
  mayResubmit: boolean;
  /** Open an accreditation application for it (one open application per LKS is checked on opening). */
  mayOpenApplication: boolean;
}

/** What the rules need to know about the LKS. */
export interface LksFacts {
  id: string;
  ownership: Ownership;
  status: LksStatus;
  /** False when the LKS is read through another tenant (a kab/kota's LKS seen by its province). */
  inOwnTenant: boolean;
}

export type LksAct = "edit" | "decide" | "resubmit" | "openApplication";

/**
 * Why `act` is refused, or null when it is allowed:
 * - `not_permitted`: the caller's roles in this tenant do not allow it (403);
 * - `kemensos_unit`: only BALKS changes a Kemensos unit, even for the tenant holding it (403);
 * - `status`: the caller may, but not in the LKS's current status (409).
 * Authority is checked before status, so a caller who may never act learns nothing from the status.
 */
export type LksRefusal = "not_permitted" | "kemensos_unit" | "status";

export function lksRefusal(access: TenantAccess, lks: LksFacts, act: LksAct): LksRefusal | null {
  // Every change goes through the tenant that holds the LKS, never through its province.
  if (!lks.inOwnTenant || !authorised(access, lks, act)) return "not_permitted";
  if (act === "edit" && registrarOf(lks.ownership) === "balks") return "kemensos_unit";
  return statusAllows(lks.status, act) ? null : "status";
}

export function lksPermissions(access: TenantAccess, lks: LksFacts): LksPermissions {
  return {
    mayEdit: lksRefusal(access, lks, "edit") === null,
    mayDecide: lksRefusal(access, lks, "decide") === null,
    mayResubmit: lksRefusal(access, lks, "resubmit") === null,
    mayOpenApplication: lksRefusal(access, lks, "openApplication") === null,
  };
}

/** Who registers and changes Kemensos units through the national routes. */
export const CENTRAL_UNIT_KEEPERS = ["balks_secretariat"] as const;

/**
 * A Kemensos unit as BALKS sees it through the national routes: BALKS keeps its profile; it is
 * registered at once (nothing to decide or resubmit) and its tenant opens its applications.
 */
export function centralUnitPermissions(grants: readonly MembershipGrant[], status: LksStatus): LksPermissions {
  return {
    mayEdit: holdsNationalRole(grants, CENTRAL_UNIT_KEEPERS) && statusAllows(status, "edit"),
    mayDecide: false,
    mayResubmit: false,
    mayOpenApplication: false,
  };
}

/** What a caller may do in a tenant's LKS registry as a whole. */
export interface RegistryPermissions {
  /** Register an LKS (or the tenant's own government unit) on its behalf. */
  mayRegisterLks: boolean;
}

/** Only the tenant's own registry keepers register; a province or national reader never does. */
export function registryPermissions(access: TenantAccess): RegistryPermissions {
  return { mayRegisterLks: canActAs(access, REGISTRY_KEEPERS) };
}

function authorised(access: TenantAccess, lks: LksFacts, act: LksAct): boolean {
  switch (act) {
    case "edit":
    case "resubmit":
      return canEditLks(access, lks.id);
    case "decide":
      return canDecideLks(access);
    case "openApplication":
      return canOpenApplication(access, lks.id, lks.ownership !== "community");
  }
}

/** An inactive LKS's record is kept as it was; the other acts follow the registration's life. */
function statusAllows(status: LksStatus, act: LksAct): boolean {
  switch (act) {
    case "edit":
      return status !== "inactive";
    case "decide":
      return nextLksStatus(status, "verify") !== null;
    case "resubmit":
      return nextLksStatus(status, "resubmit") !== null;
    case "openApplication":
      return status === "registered";
  }
}
