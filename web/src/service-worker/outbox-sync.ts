/**
 * Background Sync with no page open: the worker sends the signed-in person's waiting changes
 * itself, through the page's own `send.ts` (same request, same version, same Idempotency-Key; an
 * accepted change moves the ones after it to its new version, and a workflow action waits while
 * its application's files are still in the upload queue, which only a page sends).
 */
import { api, isApiError } from "../lib/api.ts";
import { listOutbox } from "../lib/offline/outbox-store.ts";
import { sendItem, waitsForFiles } from "../lib/offline/send.ts";

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
  const userId = me.user.id;
  let waiting = 0;
  const ids = (await listOutbox(userId)).filter((i) => i.state === "pending").map((i) => i.id);
  for (const [n, id] of ids.entries()) {
    // Read again: a change sent before may have moved this one's version (`rebase` in send.ts).
    const item = (await listOutbox(userId)).find((i) => i.id === id);
    if (item?.state !== "pending") continue;
    if (await waitsForFiles(item)) {
      waiting++;
      continue;
    }
    const { outcome } = await sendItem(item);
    if (outcome.kind === "retry") waiting++;
    if (outcome.kind === "offline") {
      // This one and every one after it still wait.
      waiting += ids.length - n;
      break;
    }
  }
  return waiting;
}
