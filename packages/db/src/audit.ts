import type { Db } from "./client.ts";
import { isoNow, newId } from "./client.ts";
import { auditEvents } from "./schema.ts";

export interface AuditEvent {
  action: string;
  tenantId?: string | null;
  actorUserId?: string | null;
  targetType?: string;
  targetId?: string;
  ip?: string | null;
  data?: Record<string, unknown>;
}

/** The insert is returned unexecuted so it joins the batch of the change it records: both land or neither. */
export function recordAudit(db: Db, event: AuditEvent) {
  return db.insert(auditEvents).values({
    id: newId(),
    tenantId: event.tenantId ?? null,
    actorUserId: event.actorUserId ?? null,
    action: event.action,
    targetType: event.targetType ?? null,
    targetId: event.targetId ?? null,
    ip: event.ip ?? null,
    data: event.data ?? null,
    createdAt: isoNow(),
  });
}
