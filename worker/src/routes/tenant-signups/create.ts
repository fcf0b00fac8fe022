import { TenantSignupCreate, TenantSignupCreated } from "@akrab/contracts";
import { enqueueEmail, findRegion, findTenantByRegion, newSignup, recordAudit } from "@akrab/db";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { AppEnv } from "../../env.ts";
import { clientIp } from "../../lib/client-ip.ts";
import { jsonBody, jsonResponse, problems } from "../../lib/openapi.ts";
import { withholdFromReplay } from "../../middleware/idempotency/index.ts";
import { Problem } from "../../middleware/problem/index.ts";
import { signupReceivedEmail } from "../../services/mail.ts";
import { hashSecretToken, newSecretToken } from "../../services/secret-tokens.ts";

export const createSignupRoute = createRoute({
  method: "post",
  operationId: "tenantSignups.create",
  path: "/api/v1/public/tenant-signups",
  tags: ["Tenant onboarding"],
  summary: "A Dinsos applies to use Akrab for its region",
  description:
    "The region must have no tenant and no other pending sign-up. The answer carries a token for attaching the assignment letter now or later.",
  request: { body: jsonBody(TenantSignupCreate) },
  responses: { 201: jsonResponse(TenantSignupCreated, "Sign-up received"), ...problems(400, 409) },
});

export const createSignup: RouteHandler<typeof createSignupRoute, AppEnv> = async (c) => {
  const db = c.get("db");
  const input = c.req.valid("json");
  const region = await findRegion(db, input.regionCode);
  if (!region)
    throw new Problem("validation", "Wilayah tidak dikenal / Unknown region", {
      errors: [{ path: "regionCode", message: "Wilayah tidak dikenal / Unknown region" }],
    });
  if (await findTenantByRegion(db, region.code)) {
    throw new Problem("conflict", `Dinsos ${region.name} sudah terdaftar di Akrab / This region already has a tenant`);
  }
  const attachToken = newSecretToken();
  const { row, insert } = newSignup(db, { ...input, attachTokenHash: await hashSecretToken(attachToken) });
  await db
    .batch([
      insert,
      enqueueEmail(
        db,
        signupReceivedEmail({ to: input.officialEmail, officeName: input.officeName, regionName: region.name }),
      ),
      recordAudit(db, {
        action: "tenant.signup_submitted",
        targetType: "tenant_signup",
        targetId: row.id,
        ip: clientIp(c),
        data: { regionCode: region.code, officialEmail: input.officialEmail },
      }),
    ])
    .catch((error: unknown) => {
      if (String(error).includes("UNIQUE constraint failed"))
        throw new Problem(
          "conflict",
          `Pendaftaran Dinsos ${region.name} sedang ditinjau / A sign-up for this region is already under review`,
        );
      throw error;
    });
  withholdFromReplay(c);
  return c.json({ id: row.id, status: "pending" as const, attachToken }, 201);
};
