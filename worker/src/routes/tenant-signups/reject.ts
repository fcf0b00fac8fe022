import { expectRow } from "@akrab/db";
import { TenantSignup, TenantSignupReject } from "@akrab/contracts";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { NationalWriteEnv } from "../../env.ts";
import { audit } from "../../lib/audit.ts";
import { bearerSecurity, jsonBody, jsonResponse, problems } from "../../lib/openapi.ts";
import { national } from "../../middleware/national/index.ts";
import { Problem, notFound } from "../../middleware/problem/index.ts";
import { signupRejectedEmail } from "../../services/mail.ts";
import { SignupParam } from "./letter-put.ts";
import { presentSignup } from "./present.ts";

export const rejectSignupRoute = createRoute({
  method: "post",
  operationId: "tenantSignups.reject",
  path: "/api/v1/national/tenant-signups/{signupId}/reject",
  tags: ["Tenant onboarding"],
  summary: "Reject a sign-up with a reason; the applicant is told by email",
  security: bearerSecurity,
  middleware: [national({ roles: ["platform_admin"], write: true })] as const,
  request: { params: SignupParam, body: jsonBody(TenantSignupReject) },
  responses: { 200: jsonResponse(TenantSignup, "The rejected sign-up"), ...problems(400, 401, 404, 409) },
});

export const rejectSignup: RouteHandler<typeof rejectSignupRoute, NationalWriteEnv> = async (c) => {
  const { signups, write } = c.get("national");
  const { user } = c.get("principal");
  const { reason } = c.req.valid("json");
  const signup = await signups.find(c.req.valid("param").signupId);
  if (!signup) throw notFound();
  const [decided] = await write.batch([
    write.decideSignup(signup.id, { status: "rejected", reviewedBy: user.id, rejectReason: reason }),
  ]);
  if (decided.length === 0)
    throw new Problem("conflict", "Pendaftaran ini sudah diputus / This sign-up was already decided");
  await write.batch([
    write.enqueueEmail(
      signupRejectedEmail({
        to: signup.officialEmail,
        officeName: signup.officeName,
        reason,
        link: `${new URL(c.req.url).origin}/daftar-dinsos`,
      }),
    ),
    audit(c, { action: "tenant.signup_rejected", targetType: "tenant_signup", targetId: signup.id, data: { reason } }),
  ]);
  return c.json(presentSignup(expectRow(await signups.find(signup.id), "Sign-up")), 200);
};
