/**
 * BALKS's secretariat hears of every application that reaches national intake: in the app each
 * time, by email each time for the first few of a Jakarta day, and then in one digest the next
 * morning listing all of that day's arrivals (a busy day is one email, not thirty).
 */
export const INTAKE_EMAILS_PER_DAY = 3;

/** Whether an arrival is emailed at once, given how many arrived earlier the same Jakarta day. */
export function intakeEmailNow(arrivedEarlierToday: number): boolean {
  return arrivedEarlierToday < INTAKE_EMAILS_PER_DAY;
}

/** Whether a day's arrivals get a digest: only when some of them were not emailed one by one. */
export function intakeDigestDue(arrivalsOfDay: number): boolean {
  return arrivalsOfDay > INTAKE_EMAILS_PER_DAY;
}
