import { InvitationAccept, SessionResponse } from "@akrab/contracts";
import {
  findPendingInvitation,
  findUserByEmail,
  insertMembership,
  insertUser,
  markInvitationAccepted,
  recordAudit,
  rolesHeldInTenant,
  type User,
} from "@akrab/db";
import { rolesOnAccepting } from "@akrab/domain";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { AppEnv } from "../../env.ts";
import { clientIp } from "../../lib/client-ip.ts";
import { jsonBody, jsonResponse, problems } from "../../lib/openapi.ts";
import { Problem, notFound } from "../../middleware/problem/index.ts";
import { hashPassword } from "../../services/password.ts";
import { assertAcceptablePassword } from "../../services/password-rules.ts";
import { hashSecretToken } from "../../services/secret-tokens.ts";
import { openSession } from "../../services/sessions.ts";
import { InvitationToken } from "./invitation-show.ts";

export const acceptInvitationRoute = createRoute({
  method: "post",
  operationId: "auth.invitationAccept",
  path: "/api/v1/auth/invitations/{token}/accept",
  tags: ["Auth"],
  summary: "Accept an invitation: creates the account (or adds the role to an existing one) and signs in",
  description:
    "For a new account, name and password are required and set here. For an existing account (`userExists`), send an empty body: its name and password stay as they are. The first admin of a Dinsos that has no admin, verifier or head yet also gets the verifier and head roles.",
  request: { params: InvitationToken, body: jsonBody(InvitationAccept) },
  responses: { 200: jsonResponse(SessionResponse, "Accepted and signed in"), ...problems(400, 404, 409) },
});

export const acceptInvitation: RouteHandler<typeof acceptInvitationRoute, AppEnv> = async (c) => {
  const db = c.get("db");
  const { name, password } = c.req.valid("json");
  const invitation = await findPendingInvitation(db, await hashSecretToken(c.req.valid("param").token));
  if (!invitation)
    throw notFound("Undangan tidak ditemukan, sudah dipakai, atau kedaluwarsa / Invitation not found, used or expired");

  const existing = await findUserByEmail(db, invitation.email);
  let user: User;
  const creation: ReturnType<typeof insertUser>["insert"][] = [];
  if (existing) {
    user = existing;
  } else {
    const missing = [
      ...(name
        ? []
        : [{ path: "name", message: "Nama wajib diisi untuk akun baru / Name is required for a new account" }]),
      ...(password
        ? []
        : [
            {
              path: "password",
              message: "Kata sandi wajib diisi untuk akun baru / Password is required for a new account",
            },
          ]),
    ];
    if (!name || !password)
      throw new Problem("validation", "Lengkapi nama dan kata sandi / Name and password are required", {
        errors: missing,
      });
    assertAcceptablePassword(password, invitation.email);
    const created = insertUser(db, {
      email: invitation.email,
      name,
      passwordHash: await hashPassword(password),
      emailVerified: true,
    });
    user = created.user;
    creation.push(created.insert);
  }

  // The first officer of a newly approved Dinsos can verify and sign on their own (issue 10).
  const granted = invitation.tenantId
    ? rolesOnAccepting(invitation.role, await rolesHeldInTenant(db, invitation.tenantId))
    : [invitation.role];
  const session = openSession(c, user);
  // One batch: if a concurrent accept claimed the invitation first, the claim returns no row
  // and a racing account creation fails on the unique email, rolling the whole batch back.
  const [claimed] = await db
    .batch([
      markInvitationAccepted(db, invitation.id),
      ...creation,
      // The invited role first: a new admin lands on the admin's home (with its setup list).
      ...granted.map((role, order) =>
        insertMembership(db, { userId: user.id, tenantId: invitation.tenantId, role, lksId: invitation.lksId }, order),
      ),
      recordAudit(db, {
        action: "auth.invitation_accepted",
        tenantId: invitation.tenantId,
        actorUserId: user.id,
        targetType: "invitation",
        targetId: invitation.id,
        ip: clientIp(c),
        data: { role: invitation.role, granted, newAccount: !existing },
      }),
      session.insert,
    ])
    .catch((error: unknown) => {
      if (String(error).includes("UNIQUE constraint failed")) throw alreadyUsed();
      throw error;
    });
  if (claimed.length === 0) throw alreadyUsed();
  return c.json(await session.respond(), 200);
};

function alreadyUsed(): Problem {
  return new Problem("conflict", "Undangan ini sudah dipakai / This invitation was already used");
}
