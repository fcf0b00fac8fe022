import { m } from "#lib/paraglide/messages.js";

/** Labels for the LKS registry enums (packages/contracts/src/registry.ts). */
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
