import { createDb, deleteExpiredWindows, deleteIdempotencyKeysBefore, deleteSessionsEndedBefore, isoNow } from "@akrab/db";
import { jakartaDay } from "@akrab/domain";
import type { Bindings } from "./env.ts";
import { sendExpiryReminders } from "./jobs/expiry-reminders.ts";
import { sendSlaReminders } from "./jobs/sla-reminders.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Cron expressions in wrangler.toml; each names the jobs it runs. */
export const HOURLY = "17 * * * *";
export const DAILY = "0 1 * * *"; // 08:00 WIB

export async function scheduled(controller: ScheduledController, env: Bindings): Promise<void> {
  const db = createDb(env.DB);
  const now = controller.scheduledTime;
  if (controller.cron === DAILY) {
    const expiry = await sendExpiryReminders(db, jakartaDay(now));
    const sla = await sendSlaReminders(db, now, Number(env.SLA_ESCALATION_DAYS ?? 3), env.APP_ORIGIN ?? "https://akrab.id");
    console.log(JSON.stringify({ level: "info", job: "daily-reminders", expiry, sla }));
    return;
  }
  await db.batch([
    deleteExpiredWindows(db, Math.floor((now - DAY_MS) / 1000)),
    deleteSessionsEndedBefore(db, isoNow(now - 30 * DAY_MS)),
    // A client retries within minutes or hours; a day of replay protection is plenty.
    deleteIdempotencyKeysBefore(db, isoNow(now - DAY_MS)),
  ]);
}
