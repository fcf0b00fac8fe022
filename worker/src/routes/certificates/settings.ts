import { CertificateSettings, CertificateSettingsView } from "@akrab/contracts";
import { formatCertificateNumber, jakartaDay, parseNumberTemplate } from "@akrab/domain";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { NationalEnv, NationalWriteEnv } from "../../env.ts";
import { audit } from "../../lib/audit.ts";
import { bearerSecurity, jsonBody, jsonResponse, problems, staleSaveResponse } from "../../lib/openapi.ts";
import { national } from "../../middleware/national/index.ts";
import { isGuardAbort } from "@akrab/db";
import { type FieldWords, Problem, staleSave } from "../../middleware/problem/index.ts";

const READERS = ["balks_secretariat", "balks_decider", "national_viewer", "platform_admin"] as const;
const EDITORS = ["balks_secretariat", "balks_decider"] as const;

type Fields = { numberTemplate: string; signerName: string; signerPosition: string };
type Settings = Fields & { updatedAt: string; version: number };
/** The fields in words, for a stale save's problem. */
const WORDS: Record<keyof Fields, FieldWords> = {
  numberTemplate: ["format nomor", "the number format"],
  signerName: ["nama penanda tangan", "the signer's name"],
  signerPosition: ["jabatan penanda tangan", "the signer's position"],
};

function present(row: Settings) {
  const [year, month] = jakartaDay().split("-").map(Number) as [number, number];
  return {
    numberTemplate: row.numberTemplate,
    signerName: row.signerName,
    signerPosition: row.signerPosition,
    example: formatCertificateNumber(row.numberTemplate, { sequence: 1, grade: "B", month, year }),
    updatedAt: row.updatedAt,
    version: row.version,
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
    "Certificates already issued keep their numbers and signer. Numbers stay unique across formats: the sequence counts per year and never goes back. `expectedVersion` must be the settings' current version: if someone saved since, nothing changes and the answer is a 409 StaleSaveProblem: the `version` saved now and each differing field's value saved now next to the one sent (`conflicts`); sending again what is already saved answers 200.",
  security: bearerSecurity,
  middleware: [national({ roles: EDITORS, write: true })] as const,
  request: { body: jsonBody(CertificateSettings) },
  responses: {
    200: jsonResponse(CertificateSettingsView, "The settings now"),
    ...problems(400),
    ...staleSaveResponse(),
  },
});

export const updateCertificateSettings: RouteHandler<typeof updateCertificateSettingsRoute, NationalWriteEnv> = async (
  c,
) => {
  const scope = c.get("national");
  const { expectedVersion, ...body } = c.req.valid("json");
  const template = parseNumberTemplate(body.numberTemplate);
  if (!template.ok)
    throw new Problem("validation", "Format nomor sertifikat tidak dapat dipakai / The number format cannot be used", {
      errors: [{ path: "numberTemplate", message: template.problem }],
    });
  const current = await scope.certificates.settings();
  if (!current) throw missing();
  if (current.version !== expectedVersion)
    return c.json(present(staleSave("certificateSettings", current, body, WORDS)), 200);
  const at = new Date().toISOString();
  try {
    await scope.write.batch([
      scope.write.certificates.updateSettings({ ...body, expectedVersion, by: c.get("principal").user.id, at }),
      scope.write.abortIfNothingChanged(),
      audit(c, {
        action: "certificate.settings_changed",
        tenantId: null,
        targetType: "certificate_settings",
        targetId: "1",
        data: body,
      }),
    ]);
  } catch (error) {
    // Someone saved between the read and this write.
    if (!isGuardAbort(error)) throw error;
    return c.json(
      present(staleSave("certificateSettings", (await scope.certificates.settings()) ?? current, body, WORDS)),
      200,
    );
  }
  return c.json(present({ ...body, updatedAt: at, version: expectedVersion + 1 }), 200);
};
