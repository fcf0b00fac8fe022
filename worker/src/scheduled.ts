import {
  createDb,
  deleteExpiredWindows,
  deleteIdempotencyKeysBefore,
  deleteSessionsEndedBefore,
  isoNow,
  refreshDirtyReports,
} from "@akrab/db";
import { jakartaDay } from "@akrab/domain";
import type { Bindings } from "./env.ts";
import { sendCertificateReminders } from "./jobs/certificate-reminders.ts";
import { deliverOutbox } from "./jobs/deliver-outbox.ts";
import { sendExpiryReminders } from "./jobs/expiry-reminders.ts";
import { sendImprovementReminders } from "./jobs/improvement-reminders.ts";
import { sendIntakeDigest } from "./jobs/intake-digest.ts";
import { sendSlaReminders } from "./jobs/sla-reminders.ts";
import { configuredChannels } from "./messaging/index.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Cron expressions in wrangler.toml; each names the jobs it runs. */
const DAILY = "0 1 * * *"; // 08:00 WIB
/**
 * The outbox is delivered by this cron rather than a Queue: its rows are written in the same D1
 * batch as the change that caused them (a Queue send cannot join that batch), and the table already
 * holds what a queue would (status, tries, backoff, dead letters) where an admin can see and retry it.
 * A minute's delay is fine for these messages.
 */
const EVERY_MINUTE = "* * * * *";

export async function scheduled(controller: ScheduledController, env: Bindings): Promise<void> {
  const db = createDb(env.DB);
  const now = controller.scheduledTime;
  if (controller.cron === EVERY_MINUTE) {
    const delivery = await deliverOutbox(db, configuredChannels(env));
    if (delivery.claimed > 0) console.log(JSON.stringify({ level: "info", job: "deliver-outbox", ...delivery }));
    // Report roll-ups of the tenants whose records changed (marked by triggers, packages/db/src/reports.ts).
    const reports = await refreshDirtyReports(db, now);
    if (reports > 0) console.log(JSON.stringify({ level: "info", job: "refresh-reports", tenants: reports }));
    return;
  }
  if (controller.cron === DAILY) {
    const expiry = await sendExpiryReminders(db, jakartaDay(now), env.APP_ORIGIN ?? "https://akrab.id");
    const sla = await sendSlaReminders(
      db,
      now,
      Number(env.SLA_ESCALATION_DAYS ?? 3),
      env.APP_ORIGIN ?? "https://akrab.id",
    );
    const intakeDigest = await sendIntakeDigest(db, now, env.APP_ORIGIN ?? "https://akrab.id");
    const improvement = await sendImprovementReminders(db, jakartaDay(now), env.APP_ORIGIN ?? "https://akrab.id");
    const certificates = await sendCertificateReminders(db, now, env.APP_ORIGIN ?? "https://akrab.id");
    console.log(
      JSON.stringify({ level: "info", job: "daily-reminders", expiry, sla, intakeDigest, improvement, certificates }),
    );
    return;
  }
  // The hourly cron ("17 * * * *"): housekeeping.
  await db.batch([
    deleteExpiredWindows(db, Math.floor((now - DAY_MS) / 1000)),
    deleteSessionsEndedBefore(db, isoNow(now - 30 * DAY_MS)),
    // A client retries within minutes or hours; a day of replay protection is plenty.
    deleteIdempotencyKeysBefore(db, isoNow(now - DAY_MS)),
  ]);
}
