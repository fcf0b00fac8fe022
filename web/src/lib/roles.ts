import type { Membership, Role } from "#lib/api-types.ts";
import { m } from "#lib/paraglide/messages.js";

export function roleLabel(role: Role | string): string {
  switch (role) {
    case "lks_operator":
      return m.role_lks_operator();
    case "dinsos_verifier":
      return m.role_dinsos_verifier();
    case "dinsos_head":
      return m.role_dinsos_head();
    case "tenant_admin":
      return m.role_tenant_admin();
    case "asesor":
      return m.role_asesor();
    case "balks_secretariat":
      return m.role_balks_secretariat();
    case "balks_decider":
      return m.role_balks_decider();
    case "national_viewer":
      return m.role_national_viewer();
    case "platform_admin":
      return m.role_platform_admin();
    default:
      return role;
  }
}

/** Which home view a membership leads to. */
export type HomeKind = "tenant" | "lks" | "national" | "platform";

export function homeKind(role: Role): HomeKind {
  switch (role) {
    case "dinsos_verifier":
    case "dinsos_head":
    case "tenant_admin":
      return "tenant";
    case "lks_operator":
      return "lks";
    case "platform_admin":
      return "platform";
    default:
      return "national";
  }
}

/** Whether national roles read the national lists and reports (BALKS officers and national readers; not an asesor alone). */
export function readsNational(roles: Role[]): boolean {
  return roles.some((role) => role === "balks_secretariat" || role === "balks_decider" || role === "national_viewer");
}

export interface MembershipGroup {
  /** Tenant slug, or "" for national roles. */
  key: string;
  label: string;
  memberships: Membership[];
}

/** Memberships grouped by tenant (national roles in one group), in first-seen order. */
export function groupMemberships(memberships: Membership[]): MembershipGroup[] {
  const groups = new Map<string, MembershipGroup>();
  for (const membership of memberships) {
    const key = membership.tenant?.slug ?? "";
    let group = groups.get(key);
    if (!group) {
      group = { key, label: membership.tenant?.name ?? m.national_group(), memberships: [] };
      groups.set(key, group);
    }
    group.memberships.push(membership);
  }
  return [...groups.values()];
}

/** A short label for one membership, e.g. "Operator LKS — Panti Asuhan Harapan". */
export function membershipLabel(membership: Membership): string {
  const role = roleLabel(membership.role);
  return membership.lks ? `${role} — ${membership.lks.name}` : role;
}

/** Every role the user holds in one tenant (a Dinsos officer often holds several). */
export function rolesInTenant(memberships: Membership[], tenantSlug: string | undefined): Set<Role> {
  return new Set(
    memberships.filter((membership) => membership.tenant?.slug === tenantSlug).map((membership) => membership.role),
  );
}

/** The tenant a path names, as the person's memberships know it (its name for the page); null when none is there. */
export function tenantBySlug(memberships: Membership[], slug: string): NonNullable<Membership["tenant"]> | null {
  return memberships.find((membership) => membership.tenant?.slug === slug)?.tenant ?? null;
}
