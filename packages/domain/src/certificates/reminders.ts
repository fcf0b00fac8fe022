import { addCalendarDays } from "../calendar/jakarta.ts";
import type { CertificateStatus } from "./status.ts";

/** Days before a certificate's last valid day on which the LKS and its Dinsos are reminded (issue 14). */
export const CERTIFICATE_REMINDER_DAYS = [180, 90, 30] as const;
export type CertificateReminderDays = (typeof CERTIFICATE_REMINDER_DAYS)[number];

/** Statuses that still stand for the LKS's accreditation, so a reminder to renew it makes sense. */
const LIVE: readonly CertificateStatus[] = ["active", "expiring"];

/**
 * The reminder due on the Jakarta day `today` for a certificate in `status` (computed by
 * `certificateStatus` for that day), or null. The caller records what it sent and sends each
 * threshold once (a claim keyed by certificate and threshold).
 *
 * - Only a live certificate is reminded: a revoked or superseded one never again, an expired one
 *   not after its last day. A suspended one neither while the suspension holds: BALKS is deciding
 *   its fate and "renew before it ends" would be the wrong message; once reinstated it gets the
 *   reminder of the tightest threshold it has crossed, if that one was not yet sent.
 * - Only the tightest threshold crossed is due, so a daily job that missed days catches up with
 *   one reminder, never a burst.
 * - A threshold crossed before the certificate was issued (`issuedOn`, its Jakarta day) is not its
 *   own to announce: a certificate issued with 60 days left gets the 30-day reminder only.
 */
export function dueCertificateReminder(
  certificate: { status: CertificateStatus; issuedOn: string; validUntil: string },
  today: string,
): CertificateReminderDays | null {
  if (!LIVE.includes(certificate.status) || today > certificate.validUntil) return null;
  const crossed = CERTIFICATE_REMINDER_DAYS.filter((days) => reminderDay(certificate.validUntil, days) <= today);
  const tightest = crossed.at(-1);
  if (tightest === undefined) return null;
  return reminderDay(certificate.validUntil, tightest) >= certificate.issuedOn ? tightest : null;
}

/** The Jakarta day on which the `days`-before reminder of a certificate ending `validUntil` falls. */
function reminderDay(validUntil: string, days: CertificateReminderDays): string {
  return addCalendarDays(validUntil, -days);
}
