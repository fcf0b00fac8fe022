import {
  abortIfNothingChanged,
  claimIntakeDigest,
  enqueueEmail,
  intakeArrivals,
  isGuardAbort,
  nationalHolders,
  type Db,
} from "@akrab/db";
import { NATIONAL_INTAKE, addCalendarDays, intakeDigestDue, jakartaDay, jakartaDayBounds } from "@akrab/domain";
import { intakeDigestEmail } from "../services/mail.ts";

/**
 * Daily, in the morning: when more applications reached BALKS intake yesterday (Jakarta day)
 * than were emailed one by one, the secretariat gets one digest listing all of them. Claimed in
 * the same batch as its emails, so a rerun sends nothing twice. Returns how many were listed.
 */
export async function sendIntakeDigest(db: Db, now: number, appOrigin: string): Promise<number> {
  const day = addCalendarDays(jakartaDay(now), -1);
  const { start, end } = jakartaDayBounds(day);
  const arrivals = await intakeArrivals(db, NATIONAL_INTAKE, start, end);
  const last = arrivals.at(-1);
  if (!last || !intakeDigestDue(arrivals.length)) return 0;
  const secretariat = await nationalHolders(db, ["balks_secretariat"]);
  if (secretariat.length === 0) return 0;
  const link = `${appOrigin}/permohonan?step=${NATIONAL_INTAKE}`;
  try {
    await db.batch([
      claimIntakeDigest(db, last.applicationId, day),
      abortIfNothingChanged(db),
      ...secretariat.map(({ email }) => enqueueEmail(db, intakeDigestEmail({ to: email, day, arrivals, link }))),
    ]);
    return arrivals.length;
  } catch (error) {
    if (isGuardAbort(error)) return 0;
    throw error;
  }
}
