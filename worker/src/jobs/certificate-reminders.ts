import type { LksProfileInput } from "@akrab/contracts";
import {
  abortIfNothingChanged,
  certificateHistory,
  certificatesEndingBetween,
  claimCertificateReminder,
  enqueueEmail,
  isGuardAbort,
  notifyUser,
  tenantScope,
  type Db,
} from "@akrab/db";
import {
  applicationPath,
  addCalendarDays,
  CERTIFICATE_REMINDER_DAYS,
  certificateStatus,
  daysBetween,
  dueCertificateReminder,
  jakartaDay,
} from "@akrab/domain";
import { certificateReminderEmail, certificateReminderText } from "../services/mail.ts";

/** Who at the Dinsos follows an LKS's accreditation up (as for the LKS's other deadlines). */
const DINSOS_ROLES = ["tenant_admin", "dinsos_verifier"] as const;

/**
 * Daily: tells the LKS (its operators and its own address) and its Dinsos, by email and in the
 * app, that its certificate ends in 180, 90 or 30 days. Each reminder is claimed in the same batch
 * as its emails and notifications, so a rerun of the job, or a second run racing this one, never
 * sends it twice. `now` is the job's clock: its Jakarta day decides what is due.
 */
export async function sendCertificateReminders(db: Db, now: number, appOrigin: string): Promise<number> {
  const today = jakartaDay(now);
  const nowIso = new Date(now).toISOString();
  let sent = 0;
  const candidates = await certificatesEndingBetween(
    db,
    today,
    addCalendarDays(today, Math.max(...CERTIFICATE_REMINDER_DAYS)),
  );
  for (const { certificate, tenantSlug, lksProfile, sent: already } of candidates) {
    const issuedOn = jakartaDay(certificate.issuedAt);
    // The query keeps live certificates only; skip cheaply what is not due or already sent before
    // reading the history the status is computed from.
    const likely = dueCertificateReminder({ status: "active", issuedOn, validUntil: certificate.validUntil }, today);
    if (likely === null || already.includes(likely)) continue;
    const history = await certificateHistory(db, certificate);
    const { status } = certificateStatus({ ...certificate, events: history.events }, history.siblings, nowIso, today);
    const threshold = dueCertificateReminder({ status, issuedOn, validUntil: certificate.validUntil }, today);
    if (threshold === null) continue;

    const scope = tenantScope(db, { id: certificate.tenantId, parentId: null });
    const [operators, staff] = await Promise.all([
      scope.lks.operators(certificate.lksId),
      scope.applications.holders(certificate.tenantId, DINSOS_ROLES),
    ]);
    const lksAddress = (lksProfile as Partial<LksProfileInput>).email;
    const facts = {
      lksName: certificate.lksName,
      grade: certificate.grade,
      number: certificate.number,
      validUntil: certificate.validUntil,
      days: daysBetween(today, certificate.validUntil),
    };
    const link = `${appOrigin}${applicationPath(tenantSlug, certificate.applicationId)}`;
    const lksTo = [...new Set([...operators.map((o) => o.email), ...(lksAddress ? [lksAddress] : [])])];
    const dinsosTo = [...new Set(staff.map((s) => s.email))].filter((to) => !lksTo.includes(to));
    const mail = (audience: "lks" | "dinsos") => (to: string) =>
      enqueueEmail(db, certificateReminderEmail({ ...facts, audience, tenantId: certificate.tenantId, to, link }));
    const notify = (audience: "lks" | "dinsos") => (person: { userId: string }) => {
      const text = certificateReminderText({ ...facts, audience });
      return notifyUser(db, {
        userId: person.userId,
        tenantId: certificate.tenantId,
        title: text.subject.id,
        body: text.body.id,
        link: applicationPath(tenantSlug, certificate.applicationId),
      });
    };
    try {
      await db.batch([
        claimCertificateReminder(db, certificate.id, threshold),
        abortIfNothingChanged(db),
        ...lksTo.map(mail("lks")),
        ...dinsosTo.map(mail("dinsos")),
        ...operators.map(notify("lks")),
        ...staff.map(notify("dinsos")),
      ]);
      sent++;
    } catch (error) {
      if (!isGuardAbort(error)) throw error;
    }
  }
  return sent;
}
