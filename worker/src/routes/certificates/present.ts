import type { CertificateEventRow, CertificateRow, CertificateWithHistory } from "@akrab/db";
import { CERTIFICATE_STATUS_LABELS, GRADE_LABELS, certificateStatus, jakartaDay } from "@akrab/domain";

const facts = (row: CertificateRow, events: CertificateEventRow[]) => ({
  id: row.id,
  lksId: row.lksId,
  issuedAt: row.issuedAt,
  validFrom: row.validFrom,
  validUntil: row.validUntil,
  events: events.map((e) => ({ kind: e.kind, at: e.at, reason: e.reason })),
});

/** The public view: only the fields PublicCertificate names, the status computed now. */
export function presentPublic({ certificate: row, events, siblings }: CertificateWithHistory, now = new Date()) {
  const at = now.toISOString();
  const status = certificateStatus(
    facts(row, events),
    siblings.map((s) => facts(s, s.events)),
    at,
    jakartaDay(now),
  );
  return {
    number: row.number,
    lks: { name: row.lksName, kabKota: row.kabKotaName, province: row.provinceName, types: row.lksTypes },
    grade: row.grade,
    gradeLabel: GRADE_LABELS[row.grade],
    decidedOn: row.decidedOn,
    validFrom: row.validFrom,
    validUntil: row.validUntil,
    status: status.status,
    statusLabel: CERTIFICATE_STATUS_LABELS[status.status],
    statusSince: status.since,
    statusReason: status.reason,
    supersededBy: status.supersededBy ? (siblings.find((s) => s.id === status.supersededBy)?.number ?? null) : null,
    checkedAt: at,
  };
}

/** What the LKS, its Dinsos and BALKS see. */
export function presentCertificate(history: CertificateWithHistory) {
  const row = history.certificate;
  return {
    ...presentPublic(history),
    id: row.id,
    applicationId: row.applicationId,
    tenant: history.tenantSlug,
    signer: { name: row.signerName, position: row.signerPosition },
    instrument: row.instrumentLabel,
    regulation: row.regulation,
    issuedAt: row.issuedAt,
    kid: row.kid,
    pdf: { bytes: row.pdfBytes, sha256: row.pdfSha256 },
    handover: row.handedOverOn && row.handedOverTo ? { on: row.handedOverOn, to: row.handedOverTo } : null,
    events: history.events.map((e) => ({ kind: e.kind, reason: e.reason, at: e.at })),
    version: row.version,
  };
}
