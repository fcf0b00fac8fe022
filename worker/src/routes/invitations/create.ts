import { InvitationCreate, InvitationCreated } from "@akrab/contracts";
import { enqueueEmail, type BatchItem } from "@akrab/db";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { TenantEnv } from "../../env.ts";
import { audit } from "../../lib/audit.ts";
import { bearerSecurity, jsonBody, jsonResponse, problems } from "../../lib/openapi.ts";
import { Problem } from "../../middleware/problem/index.ts";
import { requireTenantRole } from "../../middleware/tenant/index.ts";
import { INVITATION_TTL_SECONDS, invitationEmail } from "../../services/mail.ts";
import { hashSecretToken, newSecretToken } from "../../services/secret-tokens.ts";
import { TenantParam } from "../../lib/params.ts";

export const createInvitationRoute = createRoute({
  method: "post",
  operationId: "invitations.create",
  path: "/api/v1/t/{tenant}/invitations",
  tags: ["Members"],
  summary: "Invite someone by email to a role in this tenant",
  description:
    "Queues an email with a one-time link. Inviting the same email to the same role again while the first invitation is open sends a fresh link and invalidates the old one, instead of creating a second invitation.",
  security: bearerSecurity,
  middleware: [requireTenantRole("tenant_admin")] as const,
  request: { params: TenantParam, body: jsonBody(InvitationCreate) },
  responses: { 201: jsonResponse(InvitationCreated, "Invitation sent"), ...problems(400, 401, 403, 404) },
});

export const createInvitation: RouteHandler<typeof createInvitationRoute, TenantEnv> = async (c) => {
  const db = c.get("db");
  const scope = c.get("scope");
  const { user } = c.get("principal");
  const { email, role, lksId } = c.req.valid("json");

  if (role === "lks_operator" && !lksId) {
    throw new Problem("validation", "Operator LKS harus terikat pada satu LKS / An LKS operator needs an LKS", {
      errors: [{ path: "lksId", message: "Wajib untuk lks_operator / Required for lks_operator" }],
    });
  }
  if (role !== "lks_operator" && lksId) {
    throw new Problem(
      "validation",
      "Hanya operator LKS yang terikat pada LKS / Only LKS operators are bound to an LKS",
      { errors: [{ path: "lksId", message: "Hanya untuk lks_operator / Only for lks_operator" }] },
    );
  }
  if (lksId && !(await scope.lks.findOwn(lksId))) {
    throw new Problem("validation", "LKS tidak ditemukan di wilayah ini / No such LKS in this tenant", {
      errors: [{ path: "lksId", message: "LKS tidak ditemukan / Unknown LKS" }],
    });
  }

  const token = newSecretToken();
  const tokenHash = await hashSecretToken(token);
  const open = await scope.findOpenInvitation(email, role, lksId ?? null);
  let id: string, expiresAt: string, write: BatchItem;
  if (open) {
    const reissued = scope.reissueInvitation(open.id, tokenHash, INVITATION_TTL_SECONDS);
    [id, expiresAt, write] = [open.id, reissued.expiresAt, reissued.update];
  } else {
    const created = scope.newInvitation({
      email,
      role,
      lksId: lksId ?? null,
      tokenHash,
      invitedBy: user.id,
      ttlSeconds: INVITATION_TTL_SECONDS,
    });
    [id, expiresAt, write] = [created.invitation.id, created.invitation.expiresAt, created.insert];
  }

  await db.batch([
    write,
    enqueueEmail(
      db,
      invitationEmail({
        tenantId: scope.tenant.id,
        to: email,
        tenantName: scope.tenant.name,
        role,
        inviterName: user.name,
        link: `${new URL(c.req.url).origin}/invite/${token}`,
        expiresAt,
      }),
    ),
    audit(c, {
      action: open ? "member.invitation_resent" : "member.invited",
      tenantId: scope.tenant.id,
      targetType: "invitation",
      targetId: id,
      data: { email, role, lksId: lksId ?? null },
    }),
  ]);
  return c.json({ id, email, role, expiresAt }, 201);
};
