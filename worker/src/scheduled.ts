import { createDb, deleteExpiredWindows, deleteSessionsEndedBefore, isoNow } from "@akrab/db";
import type { Bindings } from "./env.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Hourly housekeeping. Later jobs (SLA and expiry reminders, report roll-ups) join here. */
export async function scheduled(controller: ScheduledController, env: Bindings): Promise<void> {
  const db = createDb(env.DB);
  const now = controller.scheduledTime;
  await db.batch([deleteExpiredWindows(db, Math.floor((now - DAY_MS) / 1000)), deleteSessionsEndedBefore(db, isoNow(now - 30 * DAY_MS))]);
}
