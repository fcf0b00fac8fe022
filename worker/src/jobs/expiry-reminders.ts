import type { LksProfileInput } from "@akrab/contracts";
import {
  abortIfNothingChanged,
  claimReminder,
  enqueueEmail,
  expectRow,
  isGuardAbort,
  lksWithExpiringPermits,
  tenantScope,
  findTenantById,
  type Db,
} from "@akrab/db";
import { lksPath, EXPIRY_REMINDER_DAYS, dueReminderThreshold } from "@akrab/domain";
import { expiryReminderEmail } from "../services/mail.ts";

const DOCUMENTS = [
  {
    key: "tanda_daftar",
    label: "Tanda daftar",
    expiresOn: (row: { tandaDaftarExpiresOn: string | null }) => row.tandaDaftarExpiresOn,
  },
  {
    key: "izin_operasional",
    label: "Izin operasional",
    expiresOn: (row: { izinExpiresOn: string | null }) => row.izinExpiresOn,
  },
] as const;

/**
 * Daily: tells each registered LKS (its operators and its own address) that a permit ends in 90,
 * 30 or 7 days. Each reminder is claimed in the same batch as its emails, so a rerun of the job,
 * or a second run racing this one, never sends it twice.
 */
export async function sendExpiryReminders(db: Db, today: string, appOrigin: string): Promise<number> {
  const horizon = new Date(Date.parse(`${today}T00:00:00Z`) + Math.max(...EXPIRY_REMINDER_DAYS) * 86_400_000)
    .toISOString()
    .slice(0, 10);
  let sent = 0;
  for (const row of await lksWithExpiringPermits(db, today, horizon)) {
    for (const document of DOCUMENTS) {
      const expiresOn = document.expiresOn(row);
      const threshold = expiresOn ? dueReminderThreshold(expiresOn, today) : null;
      if (!expiresOn || threshold === null) continue;
      const tenant = expectRow(await findTenantById(db, row.tenantId), "Tenant of an LKS");
      const operators = await tenantScope(db, tenant).lks.operators(row.id);
      const recipients = [...new Set([...operators.map((o) => o.email), (row.profile as LksProfileInput).email])];
      const days = Math.round((Date.parse(`${expiresOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
      const link = `${appOrigin}${lksPath(tenant.slug, row.id)}`;
      try {
        await db.batch([
          claimReminder(db, { lksId: row.id, document: document.key, expiresOn, thresholdDays: threshold }),
          abortIfNothingChanged(db),
          ...recipients.map((to) =>
            enqueueEmail(
              db,
              expiryReminderEmail({
                tenantId: row.tenantId,
                to,
                lksName: row.name,
                document: document.label,
                expiresOn,
                days,
                link,
              }),
            ),
          ),
        ]);
        sent++;
      } catch (error) {
        if (!isGuardAbort(error)) throw error;
      }
    }
  }
  return sent;
}
