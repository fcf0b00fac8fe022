import type { LksType } from "@akrab/domain";
import { m } from "#lib/paraglide/messages.js";

/**
 * Labels for the LKS registry enums (packages/contracts/src/registry.ts) that lists show: the home and
 * the registry load them. Those only the profile shows are in `lks-profile-labels.ts`, the admin pages' in
 * `admin-labels.ts`: each label pulls its messages into the first load of every page that imports it.
 */
export function lksStatusLabel(status: string): string {
  switch (status) {
    case "registered":
      return m.lks_status_registered();
    case "pending_verification":
      return m.lks_status_pending_verification();
    case "returned":
      return m.lks_status_returned();
    case "inactive":
      return m.lks_status_inactive();
    default:
      return status;
  }
}

export function serviceModeLabel(mode: string): string {
  switch (mode) {
    case "dalam_panti":
      return m.service_mode_dalam_panti();
    case "luar_panti":
      return m.service_mode_luar_panti();
    case "keduanya":
      return m.service_mode_keduanya();
    default:
      return mode;
  }
}

const LKS_TYPE_MESSAGES: Record<LksType, () => string> = {
  LKSA: m.type_lksa,
  "LKS-LU": m.type_lks_lu,
  LKSPD: m.type_lkspd,
  "LKS-NAPZA": m.type_lks_napza,
  "LKS-ODHA": m.type_lks_odha,
  "LKS-LAIN": m.type_lks_lain,
};

export function lksTypeLabel(type: string): string {
  return LKS_TYPE_MESSAGES[type as LksType]?.() ?? type;
}
