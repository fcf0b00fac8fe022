/** Every role a membership can carry (ARCHITECTURE.md, "Tenancy and access"). */
export const ROLES = [
  "lks_operator",
  "dinsos_verifier",
  "dinsos_head",
  "tenant_admin",
  "asesor",
  "balks_secretariat",
  "balks_decider",
  "national_viewer",
  "platform_admin",
] as const;

export type Role = (typeof ROLES)[number];

/** Roles held inside one tenant (a Dinsos); their membership names that tenant. */
export const TENANT_ROLES = [
  "lks_operator",
  "dinsos_verifier",
  "dinsos_head",
  "tenant_admin",
] as const satisfies readonly Role[];

/** Roles of the national organisation (BALKS and the platform); their membership names no tenant. */
export const NATIONAL_ROLES = [
  "asesor",
  "balks_secretariat",
  "balks_decider",
  "national_viewer",
  "platform_admin",
] as const satisfies readonly Role[];

export type TenantRole = (typeof TENANT_ROLES)[number];
export type NationalRole = (typeof NATIONAL_ROLES)[number];

export function isTenantRole(role: Role): role is TenantRole {
  return (TENANT_ROLES as readonly Role[]).includes(role);
}

export function isNationalRole(role: Role): role is NationalRole {
  return (NATIONAL_ROLES as readonly Role[]).includes(role);
}

/**
 * National roles that may read every tenant's data. An asesor is national but sees only the
 * visits assigned to it, so it is not in this list.
 */
export const NATIONAL_READERS: readonly NationalRole[] = [
  "balks_secretariat",
  "balks_decider",
  "national_viewer",
  "platform_admin",
];
