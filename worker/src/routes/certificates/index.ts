import type { TenantEnv } from "../../env.ts";
import { createRouter } from "../../lib/router.ts";
import { expiringCertificates, expiringCertificatesRoute } from "./expiring.ts";
import { jwks, jwksRoute } from "./jwks.ts";
import {
  nationalCertificate,
  nationalCertificatePdf,
  nationalCertificatePdfRoute,
  nationalCertificateRoute,
  reinstateCertificate,
  reinstateCertificateRoute,
  revokeCertificate,
  revokeCertificateRoute,
  suspendCertificate,
  suspendCertificateRoute,
} from "./national.ts";
import { publicCertificate, publicCertificateRoute } from "./public-show.ts";
import {
  certificateSettings,
  certificateSettingsRoute,
  updateCertificateSettings,
  updateCertificateSettingsRoute,
} from "./settings.ts";
import {
  applicationCertificate,
  applicationCertificateRoute,
  handover,
  handoverRoute,
  tenantCertificate,
  tenantCertificatePdf,
  tenantCertificatePdfRoute,
  tenantCertificateRoute,
} from "./tenant.ts";

/** Certificates (issue 14): public verification and keys, BALKS's suspend/revoke, the PDF and hand-over. */
export const certificateRoutes = createRouter()
  .openapi(jwksRoute, jwks)
  .openapi(publicCertificateRoute, publicCertificate)
  .openapi(certificateSettingsRoute, certificateSettings)
  .openapi(updateCertificateSettingsRoute, updateCertificateSettings)
  .openapi(nationalCertificatePdfRoute, nationalCertificatePdf)
  .openapi(suspendCertificateRoute, suspendCertificate)
  .openapi(reinstateCertificateRoute, reinstateCertificate)
  .openapi(revokeCertificateRoute, revokeCertificate)
  .openapi(nationalCertificateRoute, nationalCertificate);

// The fixed path `certificates/expiring` goes before `certificates/{number}`, which would take it as a number.
export const tenantCertificateRoutes = createRouter<TenantEnv>()
  .openapi(expiringCertificatesRoute, expiringCertificates)
  .openapi(applicationCertificateRoute, applicationCertificate)
  .openapi(tenantCertificatePdfRoute, tenantCertificatePdf)
  .openapi(handoverRoute, handover)
  .openapi(tenantCertificateRoute, tenantCertificate);
