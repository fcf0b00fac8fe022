import { createDb, deleteExpiredWindows } from "@akrab/db";
import type { Bindings } from "./env.ts";

/** Hourly housekeeping. Later jobs (SLA and expiry reminders, report roll-ups) join here. */
export async function scheduled(_controller: ScheduledController, env: Bindings): Promise<void> {
  const db = createDb(env.DB);
  const dayAgo = Math.floor(Date.now() / 1000) - 24 * 60 * 60;
  await deleteExpiredWindows(db, dayAgo);
}
