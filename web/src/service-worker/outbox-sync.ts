/**
 * Background Sync with no page open: the worker sends the signed-in person's waiting changes
 * itself, through the page's own `sendItem` (same request, same Idempotency-Key).
 */
import { api, isApiError } from "../lib/api.ts";
import { listOutbox } from "../lib/offline/db.ts";
import { sendItem } from "../lib/offline/send.ts";

let running: Promise<number> | null = null;

/**
 * Sends what waits; returns how many changes still wait to be sent (no link yet: at least one).
 * One run at a time: two sync events at once (the browser's retry as the link returns, and a new
 * registration) would send an item twice, and the second answer ("key in use") would put back as
 * refused the change the first had just delivered.
 */
export function sendWaitingChanges(): Promise<number> {
  running ??= sendAll().finally(() => {
    running = null;
  });
  return running;
}

async function sendAll(): Promise<number> {
  let me: { user: { id: string } };
  try {
    me = await api.get("/auth/me");
  } catch (error) {
    // No session: the page sends them once the person signs in again. No link: try again later.
    return isApiError(error) && error.status === 401 ? 0 : 1;
  }
  // Only the changes of whoever the session cookie belongs to: never one person's under another's name.
  let waiting = 0;
  for (const item of await listOutbox(me.user.id)) {
    if (item.state !== "pending") continue;
    const { outcome } = await sendItem(item);
    if (outcome.kind === "offline" || outcome.kind === "retry") waiting++;
    if (outcome.kind === "offline") break;
  }
  return waiting;
}
