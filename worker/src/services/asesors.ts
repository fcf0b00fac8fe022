import type { AffiliationRow, AsesorRow, NationalScope } from "@akrab/db";
import {
  DEFAULT_CONFLICT_RULES,
  DEFAULT_TEAM_RULES,
  teamComplete,
  type Asesor,
  type LksType,
  type LksUnderAssessment,
  type TeamMember,
} from "@akrab/domain";
import { notFound } from "../middleware/problem/index.ts";

/**
 * The rules in force. BALKS's switches for them are not stored yet: until they are, the issue's
 * defaults apply (every conflict rule on, ties looked back two years, a team of two).
 */
export const conflictRules = () => DEFAULT_CONFLICT_RULES;
export const teamRules = () => DEFAULT_TEAM_RULES;

export function presentAsesor(row: AsesorRow) {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    phone: row.phone,
    provinceCode: row.provinceCode,
    kabKotaCode: row.kabKotaCode,
    background: row.background,
    lksTypes: row.lksTypes,
    qualifications: row.qualifications,
    active: row.active,
    linked: row.userId !== null,
    version: row.version,
  };
}

export function presentAffiliation(row: AffiliationRow) {
  return { id: row.id, kind: row.kind, lksId: row.lksId, organisation: row.organisation, from: row.from, to: row.to };
}

/** A registry row as the conflict rules see it (ties and earlier assessments joined in). */
export function domainAsesor(
  row: AsesorRow,
  affiliations: readonly AffiliationRow[],
  assessments: readonly { asesorId: string; lksId: string; at: string }[],
): Asesor {
  return {
    id: row.id,
    name: row.name,
    provinceCode: row.provinceCode,
    kabKotaCode: row.kabKotaCode,
    background: row.background,
    lksTypes: row.lksTypes as LksType[],
    active: row.active,
    affiliations: affiliations
      .filter((a) => a.asesorId === row.id)
      .map((a) => ({ kind: a.kind, lksId: a.lksId, organisation: a.organisation, from: a.from, to: a.to })),
    assessments: assessments
      .filter((p) => p.asesorId === row.id)
      .map((p) => ({ lksId: p.lksId, cycleDate: p.at.slice(0, 10) })),
  };
}

type Found = NonNullable<Awaited<ReturnType<NationalScope["asesors"]["application"]>>>;

/**
 * The LKS as the conflict rules see it. Its foundation is keyed by the NPWP on its profile (the
 * one identifier a yayasan carries everywhere); BALKS records an asesor's tie to a foundation by
 * the same NPWP. Without a recorded previous cycle every earlier assessment counts (fail safe).
 */
export function lksUnderAssessment(found: Found): LksUnderAssessment {
  const npwp = found.lks.profile.npwp;
  return {
    id: found.lks.id,
    types: found.lks.types as LksType[],
    provinceCode: found.lks.regionCode.split(".")[0] ?? found.lks.regionCode,
    kabKotaCode: found.lks.regionCode,
    organisation: typeof npwp === "string" && npwp !== "" ? npwp : null,
    lastCycleDate: null,
  };
}

/** The application a national team route names, through the national scope (active tenants only), or a 404. */
export async function applicationForTeam(scope: NationalScope, tenant: string, applicationId: string) {
  const found = await scope.asesors.application(tenant, applicationId);
  if (!found) throw notFound("Permohonan tidak ditemukan / Application not found");
  return found;
}

/** The team and whether it may go on the visit, from the domain's rule. */
export async function teamState(scope: { asesors: Pick<NationalScope["asesors"], "team"> }, applicationId: string) {
  const rows = await scope.asesors.team(applicationId);
  const members: (TeamMember & { assignmentId: string; assignedAt: string })[] = rows.map(
    ({ assignment: a, name }) => ({
      assignmentId: a.id,
      asesorId: a.asesorId,
      name,
      role: a.role,
      status: a.status,
      declaredAt: a.declaredAt,
      declineReason: a.declineReason,
      assignedAt: a.assignedAt,
    }),
  );
  // A declined invitation stays on record and is named until BALKS has invited a replacement;
  // from then on the team is judged by those still on it.
  const rules = teamRules();
  const current = members.filter((m) => m.status !== "declined");
  const verdict = teamComplete(current.length >= rules.size ? current : members, rules);
  return { applicationId, size: rules.size, complete: verdict.complete, reasons: verdict.reasons, members };
}
