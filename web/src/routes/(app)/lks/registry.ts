import type { Membership } from "#lib/api-types.ts";
import { rolesInTenant } from "#lib/roles.ts";

/** Who reads which registry here: BALKS and national viewers the national one, a Dinsos its tenant's. */
export function registryOf(memberships: Membership[], active: Membership | null): "national" | "tenant" | null {
  const tenant = active?.tenant ?? null;
  if (tenant === null)
    return ["balks_secretariat", "balks_decider", "national_viewer", "platform_admin"].includes(active?.role ?? "")
      ? "national"
      : null;
  const roles = rolesInTenant(memberships, tenant.slug);
  return roles.has("dinsos_verifier") || roles.has("dinsos_head") || roles.has("tenant_admin") ? "tenant" : null;
}

const TENANT_KEYS = ["q", "type", "ownership", "status", "district", "expiring"] as const;
const NATIONAL_KEYS = ["q", "type", "status", "province", "regency"] as const;

/** The registry's filters the URL holds (a reload or a shared link shows the same list). */
export function registryFilters(
  params: Pick<URLSearchParams, "get">,
  registry: "national" | "tenant",
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of registry === "national" ? NATIONAL_KEYS : TENANT_KEYS) {
    const value = params.get(key);
    if (value) out[key] = value;
  }
  return out;
}
