import { CertificateEventRequest, CertificateView } from "@akrab/contracts";
import type { CertificateWithHistory } from "@akrab/db";
import { eventRefusal, type CertificateEventKind } from "@akrab/domain";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { NationalEnv, NationalWriteEnv } from "../../env.ts";
import { audit } from "../../lib/audit.ts";
import { binaryContent, bearerSecurity, jsonBody, jsonResponse, problems } from "../../lib/openapi.ts";
import { staleOnGuardAbort } from "../../lib/guard.ts";
import { national } from "../../middleware/national/index.ts";
import { Problem } from "../../middleware/problem/index.ts";
import { purgeCertificates } from "./cache.ts";
import { NumberParam } from "./params.ts";
import { presentCertificate } from "./present.ts";
import { pdfResponse } from "./pdf.ts";
import { certificateNotFound } from "./public-show.ts";

const READERS = ["balks_secretariat", "balks_decider", "national_viewer", "platform_admin"] as const;
/** Suspending and revoking is the board's decision; the secretariat records it. */
const ACTORS = ["balks_secretariat", "balks_decider"] as const;

async function found(
  c: { get(key: "national"): { certificates: { byNumber(n: string): Promise<CertificateWithHistory | null> } } },
  number: string,
) {
  const history = await c.get("national").certificates.byNumber(number);
  if (!history) throw certificateNotFound();
  return history;
}

export const nationalCertificateRoute = createRoute({
  method: "get",
  operationId: "certificates.nationalShow",
  path: "/api/v1/national/certificates/{number}",
  tags: ["Certificates"],
  summary: "One certificate with its events and hand-over (BALKS)",
  security: bearerSecurity,
  middleware: [national({ roles: READERS })] as const,
  request: { params: NumberParam },
  responses: { 200: jsonResponse(CertificateView, "The certificate"), ...problems(404) },
});

export const nationalCertificate: RouteHandler<typeof nationalCertificateRoute, NationalEnv> = async (c) => {
  const history = await found(c, c.req.valid("param").number);
  return c.json(presentCertificate(history), 200);
};

export const nationalCertificatePdfRoute = createRoute({
  method: "get",
  operationId: "certificates.nationalPdf",
  path: "/api/v1/national/certificates/{number}/pdf",
  tags: ["Certificates"],
  summary: "The certificate's PDF (BALKS)",
  security: bearerSecurity,
  middleware: [national({ roles: READERS })] as const,
  request: { params: NumberParam },
  responses: {
    200: { description: "The PDF as issued", content: binaryContent(["application/pdf"]) },
    304: { description: "Not modified (If-None-Match)" },
    ...problems(404),
  },
});

export const nationalCertificatePdf: RouteHandler<typeof nationalCertificatePdfRoute, NationalEnv> = async (c) => {
  const history = await found(c, c.req.valid("param").number);
  return pdfResponse(c, history.certificate) as never;
};

const eventRoute = (path: string, summary: string) =>
  createRoute({
    method: "post",
    operationId: `certificates.${path}`,
    path: `/api/v1/national/certificates/{number}/${path}`,
    tags: ["Certificates"],
    summary,
    description:
      "Audited, in one D1 batch with the event; the public answers about the certificate are purged at once. A retry with the same Idempotency-Key returns the first answer; a second suspension of a suspended certificate, or anything after a revocation, is a 409.",
    security: bearerSecurity,
    middleware: [national({ roles: ACTORS, write: true })] as const,
    request: { params: NumberParam, body: jsonBody(CertificateEventRequest) },
    responses: { 200: jsonResponse(CertificateView, "The certificate after the event"), ...problems(400, 404, 409) },
  });

export const suspendCertificateRoute = eventRoute("suspend", "Suspend a certificate, with a reason");
export const reinstateCertificateRoute = eventRoute("reinstate", "Lift a suspension, with a reason");
export const revokeCertificateRoute = eventRoute("revoke", "Revoke a certificate for good, with a reason");

const REFUSALS = {
  revoked: "Sertifikat sudah dicabut / The certificate is revoked",
  already_suspended: "Sertifikat sudah dibekukan / The certificate is already suspended",
  not_suspended: "Sertifikat tidak sedang dibekukan / The certificate is not suspended",
} as const;

const eventHandler =
  (kind: CertificateEventKind): RouteHandler<typeof suspendCertificateRoute, NationalWriteEnv> =>
  async (c) => {
    const scope = c.get("national");
    const history = await found(c, c.req.valid("param").number);
    const { reason } = c.req.valid("json");
    const refusal = eventRefusal(history.events, kind);
    if (refusal) throw new Problem("conflict", REFUSALS[refusal]);
    const row = history.certificate;
    await scope.write
      .batch([
        ...scope.write.certificates.touch(row.id, row.version),
        scope.write.certificates.event({
          certificateId: row.id,
          tenantId: row.tenantId,
          kind,
          reason,
          by: c.get("principal").user.id,
          at: new Date().toISOString(),
        }),
        audit(c, {
          action: `certificate.${kind}`,
          tenantId: row.tenantId,
          targetType: "certificate",
          targetId: row.id,
          data: { number: row.number, reason },
        }),
      ])
      .catch(staleOnGuardAbort("certificate"));
    await purgeCertificates(c.env, new URL(c.req.url).origin, [row.number]);
    const after = await found(c, row.number);
    return c.json(presentCertificate(after), 200);
  };

export const suspendCertificate = eventHandler("suspended");
export const reinstateCertificate = eventHandler("reinstated");
export const revokeCertificate = eventHandler("revoked");
