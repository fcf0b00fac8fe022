/**
 * Forming the asesor team for an application (issue 13 "Assignment and the visit plan"): BALKS
 * picks from a ranked list of candidates and invites them; the `assign` transition waits until a
 * full team has accepted. Other Indonesian accreditors send two asesors who must both attend, so
 * the default team is a lead and a member; BALKS may make it larger.
 */
import {
  eligibility,
  typesCovered,
  type Asesor,
  type ConflictRules,
  type EligibilityCode,
  type LksUnderAssessment,
} from "./conflicts.ts";
import { reason, type FieldProblem, type Reason } from "./reason.ts";

export interface Candidate {
  asesor: Asesor;
  /** Assignments the asesor has accepted or been invited to whose visit is not yet done. */
  openAssignments: number;
}

export const DISTANCES = ["same_kab_kota", "same_province", "other_province"] as const;
/** How far the asesor lives from the LKS, in the only terms the registry knows: regions. */
export type Distance = (typeof DISTANCES)[number];

export interface RankedCandidate extends Candidate {
  eligible: boolean;
  reasons: Reason<EligibilityCode>[];
  /** How many of the LKS's types the asesor is qualified for. */
  typesCovered: number;
  distance: Distance;
}

export function distanceOf(asesor: Pick<Asesor, "provinceCode" | "kabKotaCode">, lks: LksUnderAssessment): Distance {
  if (asesor.kabKotaCode === lks.kabKotaCode) return "same_kab_kota";
  return asesor.provinceCode === lks.provinceCode ? "same_province" : "other_province";
}

const byName = (a: Candidate, b: Candidate) =>
  a.asesor.name.localeCompare(b.asesor.name, "id") ||
  (a.asesor.id < b.asesor.id ? -1 : a.asesor.id > b.asesor.id ? 1 : 0);

/**
 * The candidates for an LKS in the order BALKS should consider them: every eligible asesor before
 * every excluded one. Eligible ones by how many of the LKS's types they cover (a multi-type LKS is
 * best served by someone who knows all of it), then by distance (travel is the visit's largest
 * cost and delay: the same kab/kota when its rule is off, the same province, then the rest), then
 * by open workload (spread the visits, fewer first), then by name (a stable order to point at).
 * Excluded ones follow by name, each with the reasons that exclude them, so BALKS sees why
 * someone it expected is not offered.
 */
export function rankCandidates(
  candidates: readonly Candidate[],
  lks: LksUnderAssessment,
  rules: ConflictRules,
  today: string,
): RankedCandidate[] {
  const ranked = candidates.map((candidate): RankedCandidate => {
    const verdict = eligibility(candidate.asesor, lks, rules, today);
    return {
      ...candidate,
      eligible: verdict.eligible,
      reasons: verdict.reasons,
      typesCovered: typesCovered(candidate.asesor, lks).length,
      distance: distanceOf(candidate.asesor, lks),
    };
  });
  const eligible = ranked
    .filter((c) => c.eligible)
    .sort(
      (a, b) =>
        b.typesCovered - a.typesCovered ||
        DISTANCES.indexOf(a.distance) - DISTANCES.indexOf(b.distance) ||
        a.openAssignments - b.openAssignments ||
        byName(a, b),
    );
  const excluded = ranked.filter((c) => !c.eligible).sort(byName);
  return [...eligible, ...excluded];
}

/** BALKS's team rule: how many asesors a visit needs (one of them leads). At least two: scoring is blind and reconciled. */
export interface TeamRules {
  size: number;
}

export const DEFAULT_TEAM_RULES: TeamRules = { size: 2 };

export const TEAM_ROLES = ["lead", "member"] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

export const INVITATION_STATUSES = ["invited", "accepted", "declined"] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

export interface TeamMember {
  asesorId: string;
  name: string;
  role: TeamRole;
  status: InvitationStatus;
  /** When the asesor signed the no-conflict declaration for this LKS (ISO); accepting requires it. */
  declaredAt: string | null;
  /** What the asesor gave as the reason for declining; shown to BALKS when it replaces them. */
  declineReason: string | null;
}

export const TEAM_REASON_CODES = [
  "complete",
  "pending",
  "declined",
  "undeclared",
  "no_lead",
  "several_leads",
  "too_few",
  "too_many",
  "duplicate",
] as const;
export type TeamReasonCode = (typeof TEAM_REASON_CODES)[number];

/**
 * Whether the team may go on the visit: the required number of asesors accepted (each with a
 * signed declaration), exactly one of them the lead, nobody twice. A declined asesor is shown so
 * BALKS replaces them; an invitation still open is shown as waiting. Every reason is named, so
 * the refusal of `assign` says all that is missing at once.
 */
export function teamComplete(
  team: readonly TeamMember[],
  rules: TeamRules,
): { complete: boolean; reasons: Reason<TeamReasonCode>[] } {
  const reasons: Reason<TeamReasonCode>[] = [];
  const ids = team.map((m) => m.asesorId);
  const twice = [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
  for (const id of twice) {
    const name = team.find((m) => m.asesorId === id)?.name ?? id;
    reasons.push(reason("duplicate", `${name} tercantum lebih dari sekali`, `${name} is listed more than once`));
  }
  for (const m of team) {
    if (m.status === "invited")
      reasons.push(reason("pending", `Menunggu ${m.name} menerima penugasan`, `Waiting for ${m.name} to accept`));
    if (m.status === "declined")
      reasons.push(
        reason(
          "declined",
          `${m.name} menolak penugasan${m.declineReason ? ` (${m.declineReason})` : ""}: ganti asesor`,
          `${m.name} declined${m.declineReason ? ` (${m.declineReason})` : ""}: replace the asesor`,
        ),
      );
    if (m.status === "accepted" && m.declaredAt === null)
      reasons.push(
        reason(
          "undeclared",
          `${m.name} belum menandatangani pernyataan tidak ada konflik kepentingan`,
          `${m.name} has not signed the no-conflict declaration`,
        ),
      );
  }
  const accepted = team.filter((m) => m.status === "accepted");
  const leads = accepted.filter((m) => m.role === "lead");
  if (leads.length === 0)
    reasons.push(reason("no_lead", "Belum ada ketua tim yang menerima", "No team lead has accepted"));
  if (leads.length > 1)
    reasons.push(
      reason(
        "several_leads",
        `${leads.length} ketua tim: harus tepat satu`,
        `${leads.length} team leads: there must be exactly one`,
      ),
    );
  if (accepted.length < rules.size)
    reasons.push(
      reason(
        "too_few",
        `${accepted.length} dari ${rules.size} asesor sudah menerima`,
        `${accepted.length} of ${rules.size} asesors have accepted`,
      ),
    );
  if (accepted.length > rules.size)
    reasons.push(
      reason(
        "too_many",
        `${accepted.length} asesor menerima, tim berukuran ${rules.size}`,
        `${accepted.length} asesors accepted, the team size is ${rules.size}`,
      ),
    );
  if (reasons.length > 0) return { complete: false, reasons };
  return {
    complete: true,
    reasons: [
      reason(
        "complete",
        `Tim lengkap: ${leads[0]?.name} (ketua) dan ${accepted.length - 1} anggota sudah menerima`,
        `Team complete: ${leads[0]?.name} (lead) and ${accepted.length - 1} ${accepted.length === 2 ? "member have" : "members have"} accepted`,
      ),
    ],
  };
}

/** What is wrong with team rules BALKS is saving: a whole number of asesors from 2 (blind scoring needs a second) to 5. */
export function teamRulesProblems(rules: TeamRules): FieldProblem[] {
  if (Number.isInteger(rules.size) && rules.size >= 2 && rules.size <= 5) return [];
  return [
    {
      field: "size",
      text: {
        id: "Ukuran tim harus bilangan bulat 2 sampai 5 asesor",
        en: "The team size must be a whole number of asesors from 2 to 5",
      },
    },
  ];
}
