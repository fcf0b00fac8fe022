import { CertificateView, HandoverRequest } from "@akrab/contracts";
import { jakartaDay } from "@akrab/domain";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { TenantEnv } from "../../env.ts";
import { audit } from "../../lib/audit.ts";
import { staleOnGuardAbort } from "../../lib/guard.ts";
import { binaryContent, bearerSecurity, jsonBody, jsonResponse, problems } from "../../lib/openapi.ts";
import { Problem, changedMeanwhile } from "../../middleware/problem/index.ts";
import { requireTenantRole } from "../../middleware/tenant/index.ts";
import { ApplicationParam } from "../applications/show.ts";
import { TenantNumberParam } from "./params.ts";
import { pdfResponse } from "./pdf.ts";
import { presentCertificate } from "./present.ts";
import { certificateNotFound } from "./public-show.ts";

/** The certificate if the scope reaches it (its tenant; an operator: its own LKS); else the same 404 as unknown. */
async function visibleCertificate(c: Context<TenantEnv>, number: string) {
  const history = await c.get("scope").certificates.byNumber(number);
  if (!history) throw certificateNotFound();
  return history;
}

/** A real YYYY-MM-DD date (not 2026-02-30). */
const isCalendarDate = (value: string) => {
  const at = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 10) === value;
};

export const tenantCertificateRoute = createRoute({
  method: "get",
  operationId: "certificates.show",
  path: "/api/v1/t/{tenant}/certificates/{number}",
  tags: ["Certificates"],
  summary: "One certificate of the tenant's LKS, with its events and hand-over",
  security: bearerSecurity,
  request: { params: TenantNumberParam },
  responses: { 200: jsonResponse(CertificateView, "The certificate"), ...problems(404) },
});

export const tenantCertificate: RouteHandler<typeof tenantCertificateRoute, TenantEnv> = async (c) => {
  const history = await visibleCertificate(c, c.req.valid("param").number);
  return c.json(presentCertificate(history), 200);
};

export const applicationCertificateRoute = createRoute({
  method: "get",
  operationId: "certificates.ofApplication",
  path: "/api/v1/t/{tenant}/applications/{applicationId}/certificate",
  tags: ["Certificates"],
  summary: "The certificate issued for an application (404 until it is issued)",
  security: bearerSecurity,
  request: { params: ApplicationParam },
  responses: { 200: jsonResponse(CertificateView, "The certificate"), ...problems(404) },
});

export const applicationCertificate: RouteHandler<typeof applicationCertificateRoute, TenantEnv> = async (c) => {
  const row = await c.get("scope").certificates.ofApplication(c.req.valid("param").applicationId);
  if (!row) throw certificateNotFound();
  const history = await visibleCertificate(c, row.number);
  return c.json(presentCertificate(history), 200);
};

export const tenantCertificatePdfRoute = createRoute({
  method: "get",
  operationId: "certificates.pdf",
  path: "/api/v1/t/{tenant}/certificates/{number}/pdf",
  tags: ["Certificates"],
  summary: "The certificate's PDF, for the LKS and its Dinsos",
  description: "The PDF stored once at issue, with its SHA-256 as ETag. Every download is recorded in the audit log.",
  security: bearerSecurity,
  request: { params: TenantNumberParam },
  responses: {
    200: { description: "The PDF as issued", content: binaryContent(["application/pdf"]) },
    304: { description: "Not modified (If-None-Match)" },
    ...problems(404),
  },
});

export const tenantCertificatePdf: RouteHandler<typeof tenantCertificatePdfRoute, TenantEnv> = async (c) => {
  const history = await visibleCertificate(c, c.req.valid("param").number);
  return pdfResponse(c, history.certificate) as never;
};

export const handoverRoute = createRoute({
  method: "post",
  operationId: "certificates.handover",
  path: "/api/v1/t/{tenant}/certificates/{number}/handover",
  tags: ["Certificates"],
  summary: "Record the Dinsos's hand-over of the certificate to the LKS (date, to whom)",
  description:
    "Audited; guarded by `expectedVersion` (a stale one is a 409 and changes nothing). The date may not be before the issue or after today.",
  security: bearerSecurity,
  middleware: [requireTenantRole("dinsos_verifier", "dinsos_head", "tenant_admin")] as const,
  request: { params: TenantNumberParam, body: jsonBody(HandoverRequest) },
  responses: {
    200: jsonResponse(CertificateView, "The certificate with its hand-over"),
    ...problems(400, 403, 404, 409),
  },
});

export const handover: RouteHandler<typeof handoverRoute, TenantEnv> = async (c) => {
  const scope = c.get("scope");
  const history = await visibleCertificate(c, c.req.valid("param").number);
  const row = history.certificate;
  const { on, to, expectedVersion } = c.req.valid("json");
  // Only the tenant that owns the certificate hands it over (a province reads its kab/kota's).
  if (row.tenantId !== scope.tenant.id)
    throw new Problem("forbidden", "Serah terima dicatat Dinsos LKS ini / The LKS's own Dinsos records the hand-over");
  if (row.version !== expectedVersion) throw changedMeanwhile("certificate");
  if (!isCalendarDate(on) || on < row.issuedAt.slice(0, 10) || on > jakartaDay())
    throw new Problem("validation", "Tanggal serah terima tidak masuk akal / The hand-over date is not plausible", {
      errors: [
        {
          path: "on",
          message: "Antara tanggal terbit dan hari ini / Between the issue date and today",
        },
      ],
    });
  await c
    .get("db")
    .batch([
      ...scope.certificates.recordHandover(row.id, expectedVersion, { on, to, by: c.get("principal").user.id }),
      audit(c, {
        action: "certificate.handed_over",
        tenantId: row.tenantId,
        targetType: "certificate",
        targetId: row.id,
        data: { number: row.number, on, to },
      }),
    ])
    .catch(staleOnGuardAbort("certificate"));
  const after = await visibleCertificate(c, row.number);
  return c.json(presentCertificate(after), 200);
};
