import { AsesorInvited } from "@akrab/contracts";
import type { BatchItem } from "@akrab/db";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { NationalWriteEnv } from "../../env.ts";
import { audit } from "../../lib/audit.ts";
import { bearerSecurity, jsonResponse, problems } from "../../lib/openapi.ts";
import { national } from "../../middleware/national/index.ts";
import { INVITATION_TTL_SECONDS, invitationEmail } from "../../services/mail.ts";
import { hashSecretToken, newSecretToken } from "../../services/secret-tokens.ts";
import { AsesorParam, REGISTRY_KEEPERS_NATIONAL } from "./params.ts";
import { asesorNotFound } from "./show.ts";

export const inviteAsesorRoute = createRoute({
  method: "post",
  operationId: "asesors.invite",
  path: "/api/v1/national/asesors/{asesorId}/invitation",
  tags: ["Asesors"],
  summary: "Invite the asesor to sign in with the asesor role, by the registry's email (BALKS secretariat)",
  description:
    "Like a Dinsos inviting a member: an emailed one-time link that creates the account (`outcome: invited`); inviting again while it is open sends a fresh link instead of a second invitation. A person who already has an account gets the role at once (`outcome: linked`).",
  security: bearerSecurity,
  middleware: [national({ roles: REGISTRY_KEEPERS_NATIONAL, write: true })] as const,
  request: { params: AsesorParam },
  responses: { 200: jsonResponse(AsesorInvited, "Linked or invited"), ...problems(401, 404) },
});

export const inviteAsesor: RouteHandler<typeof inviteAsesorRoute, NationalWriteEnv> = async (c) => {
  const scope = c.get("national");
  const { user } = c.get("principal");
  const asesor = await scope.asesors.find(c.req.valid("param").asesorId);
  if (!asesor) throw asesorNotFound();
  const account = await scope.asesors.account(asesor.email);
  const record = (outcome: "linked" | "invited") =>
    audit(c, {
      action: outcome === "linked" ? "asesor.linked" : "asesor.invited",
      tenantId: null,
      targetType: "asesor",
      targetId: asesor.id,
      data: { email: asesor.email },
    });

  if (account) {
    await scope.write.batch([
      scope.write.asesors.linkUser(asesor.id, account.user.id),
      ...(account.asesorRole ? [] : [scope.write.asesors.grantRole(account.user.id)]),
      record("linked"),
    ]);
    return c.json({ asesorId: asesor.id, email: asesor.email, outcome: "linked" as const, expiresAt: null }, 200);
  }

  const token = newSecretToken();
  const tokenHash = await hashSecretToken(token);
  const open = await scope.asesors.openInvitation(asesor.email);
  let expiresAt: string, write: BatchItem;
  if (open) {
    const reissued = scope.write.asesors.reissueInvitation(open.id, tokenHash, INVITATION_TTL_SECONDS);
    [expiresAt, write] = [reissued.expiresAt, reissued.update];
  } else {
    const created = scope.write.asesors.invite({
      email: asesor.email,
      tokenHash,
      invitedBy: user.id,
      ttlSeconds: INVITATION_TTL_SECONDS,
    });
    [expiresAt, write] = [created.row.expiresAt, created.insert];
  }
  await scope.write.batch([
    write,
    scope.write.enqueueEmail(
      invitationEmail({
        tenantId: null,
        to: asesor.email,
        tenantName: "BALKS",
        role: "asesor",
        inviterName: user.name,
        link: `${new URL(c.req.url).origin}/invite/${token}`,
        expiresAt,
      }),
    ),
    record("invited"),
  ]);
  return c.json({ asesorId: asesor.id, email: asesor.email, outcome: "invited" as const, expiresAt }, 200);
};
