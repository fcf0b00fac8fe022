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

/** Role names as people know them, in each language: never the code (`tenant_admin`) in a message. */
export const ROLE_LABELS: Record<Role, { id: string; en: string }> = {
  lks_operator: { id: "Operator LKS", en: "LKS operator" },
  dinsos_verifier: { id: "Verifikator Dinsos", en: "Dinsos verifier" },
  dinsos_head: { id: "Kepala Dinsos", en: "Head of Dinsos" },
  tenant_admin: { id: "Admin Dinsos", en: "Dinsos administrator" },
  asesor: { id: "Asesor", en: "Assessor" },
  balks_secretariat: { id: "Sekretariat BALKS", en: "BALKS secretariat" },
  balks_decider: { id: "Pemutus BALKS", en: "BALKS decision maker" },
  national_viewer: { id: "Pemantau Nasional", en: "National observer" },
  platform_admin: { id: "Admin Platform", en: "Platform administrator" },
};

/** A role's label in one language; an unknown string (a role from a newer release) stays as it is. */
export function roleLabel(role: string, lang: "id" | "en" = "id"): string {
  return ROLE_LABELS[role as Role]?.[lang] ?? role;
}

/** Several roles as one phrase for a message: "Admin Dinsos atau Kepala Dinsos". */
export function roleList(roles: readonly string[], lang: "id" | "en" = "id"): string {
  const labels = roles.map((role) => roleLabel(role, lang));
  const or = lang === "id" ? " atau " : " or ";
  return labels.length <= 1 ? labels.join("") : `${labels.slice(0, -1).join(", ")}${or}${labels.at(-1)}`;
}

/** The roles a Dinsos needs to work on its own: administer, verify, and sign as head. */
const DINSOS_STAFF_ROLES: readonly TenantRole[] = ["tenant_admin", "dinsos_verifier", "dinsos_head"];

/**
 * What accepting an invitation grants. The first Dinsos officer of a tenant (no admin, verifier or
 * head there yet: a newly approved Dinsos) invited as admin also gets the verifier and head roles,
 * so a one- or two-person kab/kota office can verify an LKS without inviting anybody first.
 */
export function rolesOnAccepting(invited: Role, dinsosStaffRolesHeld: readonly Role[]): Role[] {
  const first = !dinsosStaffRolesHeld.some((role) => (DINSOS_STAFF_ROLES as readonly Role[]).includes(role));
  return invited === "tenant_admin" && first ? [...DINSOS_STAFF_ROLES] : [invited];
}
