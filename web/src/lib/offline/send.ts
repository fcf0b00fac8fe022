/**
 * The one way a waiting change is sent and its answer recorded, used by the page's sync loop and
 * by the service worker's Background Sync alike: the same request, with the item's own
 * Idempotency-Key, so whichever sends first, the server does the work once and the other gets the
 * stored answer.
 */
import { api } from "#lib/api.ts";
import type { LksProfileInput } from "#lib/api-types.ts";
import { problemMessage } from "#lib/errors.ts";
import { deleteOutbox, putOutbox } from "./db.ts";
import { outcomeOf, type OutboxItem, type Outcome } from "./outbox.ts";

function request(item: OutboxItem): Promise<unknown> {
  const options = { headers: { "idempotency-key": item.key } };
  const body = { expectedVersion: item.expectedVersion, base: item.base };
  return item.kind === "lks"
    ? api.patch(
        "/t/{tenant}/lks/{lksId}",
        { ...body, profile: item.values as LksProfileInput },
        { ...options, params: { tenant: item.tenant, lksId: item.targetId } },
      )
    : api.put(
        "/t/{tenant}/applications/{applicationId}/letter",
        {
          ...body,
          letter: item.values as { number: string; date: string; signatoryName: string; signatoryPosition: string },
        },
        { ...options, params: { tenant: item.tenant, applicationId: item.targetId } },
      );
}

/** Sends one item (a plain object, not a reactive proxy); on success it leaves the outbox. */
export async function sendItem(item: OutboxItem): Promise<{ outcome: Outcome; result?: unknown }> {
  try {
    const result = await request(item);
    await deleteOutbox(item.id);
    return { outcome: { kind: "sent" }, result };
  } catch (error) {
    const outcome = outcomeOf(error, problemMessage);
    const tried = { ...item, attempts: item.attempts + 1 };
    if (outcome.kind === "offline") await putOutbox(tried);
    else if (outcome.kind === "retry") await putOutbox({ ...tried, lastError: outcome.reason });
    else if (outcome.kind === "refused") await putOutbox({ ...tried, lastError: outcome.reason, state: "refused" });
    else if (outcome.kind === "conflict")
      await putOutbox({ ...tried, lastError: outcome.reason, state: "conflict", conflicts: outcome.conflicts });
    return { outcome };
  }
}
