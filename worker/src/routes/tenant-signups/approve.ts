import { TenantApproved } from "@akrab/contracts";
import { isGuardAbort } from "@akrab/db";
import { regionDisplayName } from "@akrab/domain";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { NationalWriteEnv } from "../../env.ts";
import { audit } from "../../lib/audit.ts";
import { bearerSecurity, jsonResponse, problems } from "../../lib/openapi.ts";
import { national } from "../../middleware/national/index.ts";
import { Problem, notFound } from "../../middleware/problem/index.ts";
import { INVITATION_TTL_SECONDS, invitationEmail } from "../../services/mail.ts";
import { hashSecretToken, newSecretToken } from "../../services/secret-tokens.ts";
import { SignupParam } from "./letter-put.ts";

export const approveSignupRoute = createRoute({
  method: "post",
  operationId: "tenantSignups.approve",
  path: "/api/v1/national/tenant-signups/{signupId}/approve",
  tags: ["Tenant onboarding"],
  summary: "Approve a sign-up: creates the tenant and invites its first admin",
  description:
    "Links a kab/kota tenant to its province tenant if that exists, and a new province tenant to its existing kab/kota. The tenant starts with the national default workflow (version 1) and document checklists. The official email receives a tenant_admin invitation.",
  security: bearerSecurity,
  middleware: [national({ roles: ["platform_admin"], write: true })] as const,
  request: { params: SignupParam },
  responses: { 200: jsonResponse(TenantApproved, "Tenant created"), ...problems(401, 404, 409) },
});

export const approveSignup: RouteHandler<typeof approveSignupRoute, NationalWriteEnv> = async (c) => {
  const { signups, tenants, write } = c.get("national");
  const { user } = c.get("principal");
  const signup = await signups.find(c.req.valid("param").signupId);
  if (!signup) throw notFound();
  if (signup.status !== "pending" || (await tenants.byRegion(signup.regionCode))) throw alreadyDecided();

  const name = `Dinas Sosial ${regionDisplayName(signup.region.kind, signup.region.name)}`;
  const { tenant, parentSlug, insert, adoptions } = await write.createTenant({
    region: signup.region,
    name,
    slug: signup.region.slug,
    contact: { email: signup.officialEmail, phone: signup.contactPhone, name: signup.contactName },
  });
  const token = newSecretToken();
  const invitation = write.scopeOf(tenant).newInvitation({
    email: signup.officialEmail,
    role: "tenant_admin",
    lksId: null,
    tokenHash: await hashSecretToken(token),
    invitedBy: user.id,
    ttlSeconds: INVITATION_TTL_SECONDS,
  });

  // The tenant insert comes first: the unique region code makes a second approval fail as a whole.
  await write
    .batch([
      insert,
      ...adoptions,
      ...write.initialTenantSetup(tenant.id, user.id),
      write.decideSignup(signup.id, { status: "approved", reviewedBy: user.id, tenantId: tenant.id }),
      // Rejected by someone else a moment ago: roll the new tenant back with everything else.
      write.abortIfNothingChanged(),
      invitation.insert,
      write.enqueueEmail(
        invitationEmail({
          tenantId: tenant.id,
          to: signup.officialEmail,
          tenantName: name,
          role: "tenant_admin",
          inviterName: "Admin Platform Akrab",
          link: `${new URL(c.req.url).origin}/invite/${token}`,
          expiresAt: invitation.invitation.expiresAt,
        }),
      ),
      audit(c, {
        action: "tenant.signup_approved",
        targetType: "tenant_signup",
        targetId: signup.id,
        data: { tenant: tenant.slug },
      }),
      audit(c, {
        action: "tenant.created",
        tenantId: tenant.id,
        targetType: "tenant",
        targetId: tenant.id,
        data: { signupId: signup.id },
      }),
      audit(c, {
        action: "member.invited",
        tenantId: tenant.id,
        targetType: "invitation",
        targetId: invitation.invitation.id,
        data: { email: signup.officialEmail, role: "tenant_admin" },
      }),
    ])
    .catch((error: unknown) => {
      if (String(error).includes("UNIQUE constraint failed") || isGuardAbort(error)) throw alreadyDecided();
      throw error;
    });

  return c.json(
    {
      tenant: { slug: tenant.slug, name: tenant.name, level: tenant.level, parentSlug },
      invitation: { email: signup.officialEmail, expiresAt: invitation.invitation.expiresAt },
    },
    200,
  );
};

function alreadyDecided() {
  return new Problem(
    "conflict",
    "Pendaftaran ini sudah diputus atau wilayahnya sudah memiliki tenant / This sign-up was already decided or the region has a tenant",
  );
}
