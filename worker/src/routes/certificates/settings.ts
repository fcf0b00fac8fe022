import { CertificateSettings, CertificateSettingsView } from "@akrab/contracts";
import { formatCertificateNumber, jakartaDay, parseNumberTemplate } from "@akrab/domain";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { NationalEnv, NationalWriteEnv } from "../../env.ts";
import { audit } from "../../lib/audit.ts";
import { bearerSecurity, jsonBody, jsonResponse, problems } from "../../lib/openapi.ts";
import { national } from "../../middleware/national/index.ts";
import { Problem } from "../../middleware/problem/index.ts";

const READERS = ["balks_secretariat", "balks_decider", "national_viewer", "platform_admin"] as const;
const EDITORS = ["balks_secretariat", "balks_decider"] as const;

type Settings = { numberTemplate: string; signerName: string; signerPosition: string; updatedAt: string };

function present(row: Settings) {
  const [year, month] = jakartaDay().split("-").map(Number) as [number, number];
  return {
    numberTemplate: row.numberTemplate,
    signerName: row.signerName,
    signerPosition: row.signerPosition,
    example: formatCertificateNumber(row.numberTemplate, { sequence: 1, grade: "B", month, year }),
    updatedAt: row.updatedAt,
  };
}

const missing = () => new Problem("misconfigured", "Pengaturan sertifikat tidak ada / Certificate settings missing");

export const certificateSettingsRoute = createRoute({
  method: "get",
  operationId: "certificates.settings",
  path: "/api/v1/national/certificate-settings",
  tags: ["Certificates"],
  summary: "BALKS's certificate number format and signer",
  security: bearerSecurity,
  middleware: [national({ roles: READERS })] as const,
  responses: { 200: jsonResponse(CertificateSettingsView, "The settings, with an example number") },
});

export const certificateSettings: RouteHandler<typeof certificateSettingsRoute, NationalEnv> = async (c) => {
  const row = await c.get("national").certificates.settings();
  if (!row) throw missing();
  return c.json(present(row), 200);
};

export const updateCertificateSettingsRoute = createRoute({
  method: "put",
  operationId: "certificates.updateSettings",
  path: "/api/v1/national/certificate-settings",
  tags: ["Certificates"],
  summary: "Change the number format and signer for certificates issued from now on",
  description:
    "Certificates already issued keep their numbers and signer. Numbers stay unique across formats: the sequence counts per year and never goes back.",
  security: bearerSecurity,
  middleware: [national({ roles: EDITORS, write: true })] as const,
  request: { body: jsonBody(CertificateSettings) },
  responses: { 200: jsonResponse(CertificateSettingsView, "The settings now"), ...problems(400) },
});

export const updateCertificateSettings: RouteHandler<typeof updateCertificateSettingsRoute, NationalWriteEnv> = async (
  c,
) => {
  const scope = c.get("national");
  const body = c.req.valid("json");
  const template = parseNumberTemplate(body.numberTemplate);
  if (!template.ok)
    throw new Problem("validation", "Format nomor sertifikat tidak dapat dipakai / The number format cannot be used", {
      errors: [{ path: "numberTemplate", message: template.problem }],
    });
  const at = new Date().toISOString();
  await scope.write.batch([
    scope.write.certificates.updateSettings({ ...body, by: c.get("principal").user.id, at }),
    audit(c, {
      action: "certificate.settings_changed",
      tenantId: null,
      targetType: "certificate_settings",
      targetId: "1",
      data: body,
    }),
  ]);
  return c.json(present({ ...body, updatedAt: at }), 200);
};
