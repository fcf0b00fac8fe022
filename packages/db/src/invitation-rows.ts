/**
 * An invitation's row and its reissue, one way for the tenant's invitations (tenant scope) and
 * BALKS's national ones to the asesor role (`asesorStore`): each store adds only where it reaches.
 */
import type { Role } from "@akrab/domain";
import { type SQL, and, eq } from "drizzle-orm";
import { isoNow, newId, type Db } from "./client.ts";
import { invitations } from "./schema.ts";

export function invitationRow(
  db: Db,
  input: {
    tenantId: string | null;
    email: string;
    role: Role;
    lksId: string | null;
    tokenHash: string;
    invitedBy: string;
    ttlSeconds: number;
  },
) {
  const now = Date.now();
  const row = {
    id: newId(now),
    tenantId: input.tenantId,
    email: input.email,
    role: input.role,
    lksId: input.lksId,
    tokenHash: input.tokenHash,
    invitedBy: input.invitedBy,
    expiresAt: isoNow(now + input.ttlSeconds * 1000),
    acceptedAt: null,
    createdAt: isoNow(now),
  };
  return { row, insert: db.insert(invitations).values(row) };
}

/** A fresh link (the old one stops working) and a fresh expiry, for an invitation `reach` lets the store touch. */
export function reissuedInvitation(
  db: Db,
  invitationId: string,
  reach: SQL | undefined,
  tokenHash: string,
  ttlSeconds: number,
) {
  const expiresAt = isoNow(Date.now() + ttlSeconds * 1000);
  return {
    expiresAt,
    update: db
      .update(invitations)
      .set({ tokenHash, expiresAt })
      .where(and(eq(invitations.id, invitationId), reach)),
  };
}
