import type { Membership } from "#lib/api-types.ts";

/**
 * Which LKS the letter is for, in which tenant: the operator's own LKS, or the government unit its
 * Dinsos runs (issue 17: /permohonan/baru?lks=…&name=…, in the active membership's tenant).
 */
export function applyingFor(
  active: Membership | null,
  memberships: Membership[],
  params: Pick<URLSearchParams, "get">,
) {
  const unitId = params.get("lks");
  if (unitId && active?.tenant) return { tenant: active.tenant, lks: { id: unitId, name: params.get("name") ?? "" } };
  return (
    (active?.role === "lks_operator" ? active : null) ?? memberships.find((mm) => mm.role === "lks_operator") ?? null
  );
}
