import type { CertificateEventRow, CertificateRow, PublicRegistryRow } from "@akrab/db";
import {
  CERTIFICATE_STATUS_LABELS,
  GRADE_LABELS,
  certificateStatus,
  heldStatus,
  jakartaDay,
  standingCertificate,
  type CertificateFacts,
  type Grade,
} from "@akrab/domain";

/**
 * The registry's public views: the LKS as its certificate prints it and its certificates. The
 * field lists are the contracts' (PublicRegistryLks, PublicRegistryLksDetail), pinned by tests.
 */
const area = (code: string, name: string) => ({ code, name });

/** One search result: the LKS under its standing certificate, the status computed for `today`. */
export function presentRegistryRow(row: PublicRegistryRow, today: string) {
  const standing = heldStatus(row, today);
  return {
    id: row.lksId,
    name: row.name,
    province: area(row.provinceCode, row.provinceName),
    kabKota: area(row.kabKotaCode, row.kabKotaName),
    types: row.lksTypes,
    certificate: {
      number: row.number,
      grade: row.grade as Grade,
      gradeLabel: GRADE_LABELS[row.grade as Grade],
      validFrom: row.validFrom,
      validUntil: row.validUntil,
      status: standing.status,
      statusLabel: CERTIFICATE_STATUS_LABELS[standing.status],
      statusSince: standing.since,
      statusReason: standing.reason,
    },
    certificates: row.certificates,
  };
}

type Certificate = CertificateRow & { events: CertificateEventRow[] };

const facts = (c: Certificate): CertificateFacts => ({
  id: c.id,
  lksId: c.lksId,
  issuedAt: c.issuedAt,
  validFrom: c.validFrom,
  validUntil: c.validUntil,
  events: c.events.map((e) => ({ kind: e.kind, at: e.at, reason: e.reason })),
});

/** One LKS's public page: every certificate (newest first) with its status computed now by the domain. */
export function presentRegistryLks(found: { row: PublicRegistryRow; certificates: Certificate[] }, now = new Date()) {
  const at = now.toISOString();
  const today = jakartaDay(now);
  const all = found.certificates.map(facts);
  const standing = standingCertificate(all, at, today);
  const standingAnswer = standing ? certificateStatus(standing.certificate, all, at, today) : null;
  const { row } = found;
  return {
    id: row.lksId,
    name: row.name,
    province: area(row.provinceCode, row.provinceName),
    kabKota: area(row.kabKotaCode, row.kabKotaName),
    types: row.lksTypes,
    status: standing?.status ?? heldStatus(row, today).status,
    statusLabel: CERTIFICATE_STATUS_LABELS[standing?.status ?? heldStatus(row, today).status],
    statusSince: standingAnswer?.since ?? null,
    statusReason: standingAnswer?.reason ?? null,
    certificates: found.certificates.map((c, i) => {
      const s = certificateStatus(all[i] as CertificateFacts, all, at, today);
      return {
        number: c.number,
        grade: c.grade,
        gradeLabel: GRADE_LABELS[c.grade],
        decidedOn: c.decidedOn,
        validFrom: c.validFrom,
        validUntil: c.validUntil,
        status: s.status,
        statusLabel: CERTIFICATE_STATUS_LABELS[s.status],
        statusSince: s.since,
        statusReason: s.reason,
        supersededBy: s.supersededBy ? (found.certificates.find((o) => o.id === s.supersededBy)?.number ?? null) : null,
      };
    }),
    checkedAt: at,
  };
}
