import { recordAudit, type AuditEvent } from "@akrab/db";
import type { Context } from "hono";
import type { AuthedEnv } from "../env.ts";
import { clientIp } from "./client-ip.ts";

/**
 * An audit event by the signed-in caller: who and from where come from the request, so each call
 * says only what happened. Returned unexecuted, like `recordAudit`, to join the batch of the change.
 * Routes without a principal (sign-in, sign-up, reset) call `recordAudit` and name the actor.
 */
export function audit<E extends AuthedEnv>(c: Context<E>, event: Omit<AuditEvent, "actorUserId" | "ip">) {
  return recordAudit(c.get("db"), { ...event, actorUserId: c.get("principal").user.id, ip: clientIp(c) });
}
