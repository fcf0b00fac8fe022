import { InvitationDetails } from "@akrab/contracts";
import { findPendingInvitation, findUserByEmail } from "@akrab/db";
import { createRoute, z, type RouteHandler } from "@hono/zod-openapi";
import type { AppEnv } from "../../env.ts";
import { jsonResponse, problems } from "../../lib/openapi.ts";
import { notFound } from "../../middleware/problem/index.ts";
import { hashSecretToken } from "../../services/secret-tokens.ts";

export const InvitationToken = z.object({ token: z.string().min(16).max(256) });

export const showInvitationRoute = createRoute({
  method: "get",
  operationId: "auth.invitationShow",
  path: "/api/v1/auth/invitations/{token}",
  tags: ["Auth"],
  summary: "What an invitation link offers (before accepting it)",
  request: { params: InvitationToken },
  responses: { 200: jsonResponse(InvitationDetails, "A pending invitation"), ...problems(404) },
});

export const showInvitation: RouteHandler<typeof showInvitationRoute, AppEnv> = async (c) => {
  const db = c.get("db");
  const invitation = await findPendingInvitation(db, await hashSecretToken(c.req.valid("param").token));
  if (!invitation)
    throw notFound("Undangan tidak ditemukan, sudah dipakai, atau kedaluwarsa / Invitation not found, used or expired");
  return c.json(
    {
      email: invitation.email,
      role: invitation.role,
      tenant: invitation.tenant,
      lks: invitation.lks,
      expiresAt: invitation.expiresAt,
      userExists: (await findUserByEmail(db, invitation.email)) !== null,
    },
    200,
  );
};
