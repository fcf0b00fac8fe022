import { EXPIRING_WITHIN_DAYS, certificateStatus, type CertificateFacts, type CertificateStatus } from "./status.ts";

/**
 * The public registry (issue 14) lists each LKS once, under its standing certificate: the one
 * certificate of the LKS that `certificateStatus` does not call superseded and that is not revoked
 * (a revoked certificate supersedes nothing, so that is the latest one not revoked), or, when all
 * are revoked, the latest revoked one. The LKS's registry status is that certificate's status, so
 * it is never "superseded".
 */
export const REGISTRY_STATUSES = ["active", "expiring", "expired", "suspended", "revoked"] as const;
export type RegistryStatus = (typeof REGISTRY_STATUSES)[number];

const later = (a: Pick<CertificateFacts, "issuedAt" | "id">, b: Pick<CertificateFacts, "issuedAt" | "id">) =>
  a.issuedAt > b.issuedAt || (a.issuedAt === b.issuedAt && a.id > b.id);

/** The standing certificate of one LKS's certificates (null for none) and its status at `now`. */
export function standingCertificate<C extends CertificateFacts>(
  certificates: readonly C[],
  now: string,
  today: string,
): { certificate: C; status: RegistryStatus } | null {
  const revoked = (c: C) => c.events.some((e) => e.kind === "revoked" && e.at <= now);
  const pool = certificates.some((c) => !revoked(c)) ? certificates.filter((c) => !revoked(c)) : certificates;
  const certificate = pool.reduce<C | null>((best, c) => (best === null || later(c, best) ? c : best), null);
  if (!certificate) return null;
  const { status } = certificateStatus(certificate, certificates, now, today);
  return { certificate, status: status as RegistryStatus };
}

const DAY_MS = 86_400_000;

/**
 * The day bounds that turn a stored validity into a status by date on `today` (YYYY-MM-DD, the
 * Jakarta day), as `certificateStatus` decides it: expired when `validUntil < today`, expiring when
 * `today <= validUntil <= expiringThrough`, active when later. A query filters with these.
 */
export function statusDayBounds(today: string): { today: string; expiringThrough: string } {
  const expiringThrough = new Date(Date.parse(`${today}T00:00:00Z`) + EXPIRING_WITHIN_DAYS * DAY_MS)
    .toISOString()
    .slice(0, 10);
  return { today, expiringThrough };
}

/** The status by date of a certificate with no hold on it (what a query's bounds give). */
export function statusByDate(
  validUntil: string,
  today: string,
): Exclude<CertificateStatus, "suspended" | "revoked" | "superseded"> {
  const { expiringThrough } = statusDayBounds(today);
  if (validUntil < today) return "expired";
  return validUntil <= expiringThrough ? "expiring" : "active";
}

/**
 * The status of a standing certificate from what the registry stores of it: its hold (revocation,
 * or a suspension not lifted) or else its validity on `today`. Agrees with `certificateStatus` on
 * the standing certificate (the worker tests compare the two on every answer).
 */
export function heldStatus(
  held: { hold: string; holdSince: string | null; holdReason: string | null; validUntil: string },
  today: string,
): { status: RegistryStatus; since: string | null; reason: string | null } {
  if (held.hold === "revoked" || held.hold === "suspended")
    return { status: held.hold, since: held.holdSince, reason: held.holdReason };
  const status = statusByDate(held.validUntil, today);
  const since =
    status === "expired"
      ? new Date(Date.parse(`${held.validUntil}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10)
      : null;
  return { status, since, reason: null };
}
