import type { Grade } from "../instruments/types.ts";
import type { LksStatus } from "../registry/vocabulary.ts";

/**
 * Where an LKS stands on the way to accreditation, for the coverage report (issue 15). The issue
 * lists registered, verified, never applied, in process, accredited by grade, not accredited,
 * expired, suspended/revoked and inactive; as figures that add up to the number of LKS they must
 * be a partition, so each LKS falls in exactly one, by the first rule that holds:
 *
 * 1. `inactive` — the LKS has stopped (registry status inactive), whatever its history.
 * 2. `registered` — registered with its Dinsos, not yet verified (pending or returned).
 * 3. `suspended_revoked` — its latest certificate is suspended or revoked: the public must see it
 *    is not accredited, even while a new application runs.
 * 4. `accredited_a|b|c` — a certificate in force today (a renewal under way does not hide the grade),
 *    or BALKS accredited it and the certificate is being made.
 * 5. `in_process` — an application submitted (past its draft) and not yet decided.
 * 6. `expired` / `not_accredited` — the latest finished cycle: a certificate that ran out, or
 *    BALKS's "not accredited"; whichever came last.
 * 7. `never_applied` — verified, never submitted an application (a draft does not count).
 * 8. `verified` — verified, submitted before, with no outcome and nothing open (every application
 *    withdrawn): known to the Dinsos, outside accreditation.
 */
export const COVERAGE_CATEGORIES = [
  "registered",
  "verified",
  "never_applied",
  "in_process",
  "accredited_a",
  "accredited_b",
  "accredited_c",
  "not_accredited",
  "expired",
  "suspended_revoked",
  "inactive",
] as const;
export type CoverageCategory = (typeof COVERAGE_CATEGORIES)[number];

export const COVERAGE_LABELS: Record<CoverageCategory, { id: string; en: string }> = {
  registered: { id: "Terdaftar, belum diverifikasi", en: "Registered, not yet verified" },
  verified: { id: "Terverifikasi, tanpa permohonan aktif", en: "Verified, no current application" },
  never_applied: { id: "Belum pernah mengajukan", en: "Never applied" },
  in_process: { id: "Dalam proses", en: "In process" },
  accredited_a: { id: "Terakreditasi A", en: "Accredited A" },
  accredited_b: { id: "Terakreditasi B", en: "Accredited B" },
  accredited_c: { id: "Terakreditasi C", en: "Accredited C" },
  not_accredited: { id: "Tidak terakreditasi", en: "Not accredited" },
  expired: { id: "Akreditasi kedaluwarsa", en: "Accreditation expired" },
  suspended_revoked: { id: "Dibekukan/dicabut", en: "Suspended/revoked" },
  inactive: { id: "Tidak aktif", en: "Inactive" },
};

/** One certificate of the LKS as the report needs it (the certificate record keeps more). */
export interface CoverageCertificate {
  grade: Grade;
  /** YYYY-MM-DD, Jakarta days, both inclusive. */
  validFrom: string;
  validUntil: string;
  /** The day BALKS suspended or revoked it, if it did. */
  withdrawnOn?: string | null;
}

/** What the coverage category of one LKS is computed from. */
export interface CoverageFacts {
  registration: LksStatus;
  /** An application past its draft and not in a terminal step. */
  openSubmitted: boolean;
  /** An application was ever submitted (past its draft). */
  everSubmitted: boolean;
  /** BALKS accredited it and the certificate is not issued yet (the `accredited` step): its grade. */
  awaitingCertificate?: Grade | null;
  certificates: readonly CoverageCertificate[];
  /** Days of BALKS's "not accredited" decisions. */
  declinedOn: readonly string[];
}

const ACCREDITED: Record<Grade, CoverageCategory> = { A: "accredited_a", B: "accredited_b", C: "accredited_c" };

/** The one category of an LKS on `today` (YYYY-MM-DD, Jakarta). */
export function coverageCategory(facts: CoverageFacts, today: string): CoverageCategory {
  if (facts.registration === "inactive") return "inactive";
  if (facts.registration !== "registered") return "registered";
  // The latest certificate is the one that speaks for the LKS: a later one supersedes the earlier.
  const latest = [...facts.certificates]
    .filter((c) => c.validFrom <= today)
    .sort((a, b) => (a.validFrom < b.validFrom ? 1 : a.validFrom > b.validFrom ? -1 : 0))[0];
  if (latest?.withdrawnOn && latest.withdrawnOn <= today) return "suspended_revoked";
  if (latest && latest.validUntil >= today) return ACCREDITED[latest.grade];
  if (facts.awaitingCertificate) return ACCREDITED[facts.awaitingCertificate];
  if (facts.openSubmitted) return "in_process";
  const lastDecline = facts.declinedOn
    .filter((d) => d <= today)
    .sort()
    .at(-1);
  if (latest || lastDecline) {
    // Both end a cycle; the later one is where the LKS stands (an expiry counts from the day after).
    if (!lastDecline) return "expired";
    if (!latest) return "not_accredited";
    return lastDecline > latest.validUntil ? "not_accredited" : "expired";
  }
  return facts.everSubmitted ? "verified" : "never_applied";
}

/** Counts per category, every category present (zeros included), in the order above. */
export type CoverageCounts = Record<CoverageCategory, number>;

export function emptyCoverageCounts(): CoverageCounts {
  return Object.fromEntries(COVERAGE_CATEGORIES.map((c) => [c, 0])) as CoverageCounts;
}

/** The accredited total (A + B + C) of a set of counts: the headline figure. */
export function accreditedTotal(counts: CoverageCounts): number {
  return counts.accredited_a + counts.accredited_b + counts.accredited_c;
}
