import { OutboxMessage } from "@akrab/contracts";
import { isGuardAbort } from "@akrab/db";
import { createRoute, z, type RouteHandler } from "@hono/zod-openapi";
import type { NationalWriteEnv } from "../../env.ts";
import { audit } from "../../lib/audit.ts";
import { bearerSecurity, jsonResponse, problems } from "../../lib/openapi.ts";
import { national } from "../../middleware/national/index.ts";
import { notFound } from "../../middleware/problem/index.ts";
import { presentOutboxMessage } from "./present.ts";

const MessageParam = z.object({ messageId: z.string().min(1).max(64) });

export const retryOutboxRoute = createRoute({
  method: "post",
  operationId: "outbox.retry",
  path: "/api/v1/national/outbox/{messageId}/retry",
  tags: ["Operations"],
  summary: "Put a failed or dead-lettered message back in the queue (platform admins)",
  description:
    "The message gets a fresh set of tries and goes out with the next delivery run. Retrying a message that is " +
    "already pending, being sent or sent changes nothing and answers its current state.",
  security: bearerSecurity,
  middleware: [national({ roles: ["platform_admin"], write: true })] as const,
  request: { params: MessageParam },
  responses: { 200: jsonResponse(OutboxMessage, "The message as it now stands"), ...problems(401, 404) },
});

export const retryOutboxMessage: RouteHandler<typeof retryOutboxRoute, NationalWriteEnv> = async (c) => {
  const { outbox, write } = c.get("national");
  const message = await outbox.find(c.req.valid("param").messageId);
  if (!message) throw notFound();
  try {
    // Conditional on failed/dead: of two admins clicking at once, one requeues and is audited.
    await write.batch([
      write.requeueMessage(message.id),
      write.abortIfNothingChanged(),
      audit(c, {
        action: "outbox.retried",
        targetType: "outbox_message",
        targetId: message.id,
        data: { status: message.status, attempts: message.attempts, lastError: message.lastError },
      }),
    ]);
  } catch (error) {
    if (!isGuardAbort(error)) throw error;
  }
  const now = await outbox.find(message.id);
  if (!now) throw notFound();
  return c.json(presentOutboxMessage(now), 200);
};
