/**
 * A certificate's status is computed from its facts and the events on it, never stored (issue 14):
 * the same rows answer "what is it today" and "what was it on 3 March". Revocation is final and wins
 * over everything; a suspension holds until BALKS lifts it; a later certificate of the same LKS
 * supersedes; otherwise the validity dates decide.
 */

export const CERTIFICATE_STATUSES = ["active", "expiring", "expired", "suspended", "revoked", "superseded"] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];

/** How close to its end a certificate counts as expiring (the LKS and its Dinsos are reminded from then). */
export const EXPIRING_WITHIN_DAYS = 180;

export const CERTIFICATE_EVENT_KINDS = ["suspended", "reinstated", "revoked"] as const;
export type CertificateEventKind = (typeof CERTIFICATE_EVENT_KINDS)[number];

export interface CertificateEvent {
  kind: CertificateEventKind;
  /** ISO timestamp. */
  at: string;
  reason: string;
}

export interface CertificateFacts {
  id: string;
  lksId: string;
  /** ISO timestamp of issue: orders certificates of one LKS (a later one supersedes). */
  issuedAt: string;
  /** YYYY-MM-DD, inclusive. */
  validFrom: string;
  validUntil: string;
  events: readonly CertificateEvent[];
}

export interface StatusAnswer {
  status: CertificateStatus;
  /** When the status began (ISO timestamp or YYYY-MM-DD): the event, the supersession, the end of validity. */
  since: string | null;
  /** BALKS's reason for a suspension or revocation. */
  reason: string | null;
  /** The superseding certificate's id. */
  supersededBy: string | null;
}

const DAY_MS = 86_400_000;

/** Days from `from` to `to` (both YYYY-MM-DD). */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The day after a YYYY-MM-DD date. */
function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

/** Whether `a` was issued after `b` (ties broken by id, so "later" is a strict order). */
function issuedAfter(a: Pick<CertificateFacts, "issuedAt" | "id">, b: Pick<CertificateFacts, "issuedAt" | "id">) {
  return a.issuedAt > b.issuedAt || (a.issuedAt === b.issuedAt && a.id > b.id);
}

/**
 * The status of `certificate` at `now` (ISO timestamp; the Jakarta day `today`, YYYY-MM-DD, decides
 * the validity dates). `others` may hold any certificates: only a later one of the same LKS,
 * already issued at `now` and not revoked, supersedes. Events after `now` are not yet.
 */
export function certificateStatus(
  certificate: CertificateFacts,
  others: readonly Pick<CertificateFacts, "id" | "lksId" | "issuedAt" | "events">[],
  now: string,
  today: string,
): StatusAnswer {
  const happened = certificate.events.filter((e) => e.at <= now).sort((a, b) => a.at.localeCompare(b.at));
  const revoked = happened.find((e) => e.kind === "revoked");
  if (revoked) return { status: "revoked", since: revoked.at, reason: revoked.reason, supersededBy: null };

  const lastHold = happened.filter((e) => e.kind !== "revoked").at(-1);
  if (lastHold?.kind === "suspended")
    return { status: "suspended", since: lastHold.at, reason: lastHold.reason, supersededBy: null };

  const successor = others
    .filter(
      (o) =>
        o.id !== certificate.id &&
        o.lksId === certificate.lksId &&
        o.issuedAt <= now &&
        issuedAfter(o, certificate) &&
        !o.events.some((e) => e.kind === "revoked" && e.at <= now),
    )
    .sort((a, b) => (issuedAfter(a, b) ? 1 : -1))[0];
  if (successor) return { status: "superseded", since: successor.issuedAt, reason: null, supersededBy: successor.id };

  if (today > certificate.validUntil)
    return { status: "expired", since: nextDay(certificate.validUntil), reason: null, supersededBy: null };
  if (daysBetween(today, certificate.validUntil) <= EXPIRING_WITHIN_DAYS)
    return { status: "expiring", since: null, reason: null, supersededBy: null };
  return { status: "active", since: null, reason: null, supersededBy: null };
}

/** The status in plain words, Bahasa Indonesia first (what the public page shows in large type). */
export const CERTIFICATE_STATUS_LABELS: Record<CertificateStatus, { id: string; en: string }> = {
  active: { id: "Aktif", en: "Active" },
  expiring: { id: "Aktif, segera berakhir", en: "Active, ending soon" },
  expired: { id: "Kedaluwarsa", en: "Expired" },
  suspended: { id: "Dibekukan", en: "Suspended" },
  revoked: { id: "Dicabut", en: "Revoked" },
  superseded: { id: "Digantikan sertifikat baru", en: "Superseded by a newer certificate" },
};

/**
 * Which event BALKS may record now: nothing after a revocation; a suspension only on a certificate
 * not suspended; a reinstatement only on a suspended one. Null when it may, else why not.
 */
export function eventRefusal(
  events: readonly CertificateEvent[],
  kind: CertificateEventKind,
): "revoked" | "already_suspended" | "not_suspended" | null {
  if (events.some((e) => e.kind === "revoked")) return "revoked";
  const suspended = events.filter((e) => e.kind !== "revoked").at(-1)?.kind === "suspended";
  if (kind === "suspended" && suspended) return "already_suspended";
  if (kind === "reinstated" && !suspended) return "not_suspended";
  return null;
}
