import { createDb } from "@akrab/db";
import { MAX_UPLOAD_BYTES } from "@akrab/domain";
import { bodyLimit } from "hono/body-limit";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import { countRoundTrips } from "./lib/d1-round-trips.ts";
import { createRouter } from "./lib/router.ts";
import { authenticate } from "./middleware/auth/index.ts";
import { noStoreByDefault } from "./middleware/cache-control/index.ts";
import { csrf } from "./middleware/csrf/index.ts";
import { eagerBody } from "./middleware/eager-body/index.ts";
import { idempotency } from "./middleware/idempotency/index.ts";
import { Problem, onError, onNotFound } from "./middleware/problem/index.ts";
import { tenant } from "./middleware/tenant/index.ts";
import { applicationRoutes } from "./routes/applications/index.ts";
import { asesorRoutes } from "./routes/asesors/index.ts";
import { decisionRoutes } from "./routes/decision/index.ts";
import { improvementPlanRoutes } from "./routes/improvement-plans/index.ts";
import { reconciliationRoutes } from "./routes/reconciliation/index.ts";
import { visitScoringRoutes } from "./routes/visit-scoring/index.ts";
import { reportRoutes } from "./routes/reports/index.ts";
import { areaRoutes } from "./routes/areas/index.ts";
import { auditRoutes } from "./routes/audit/index.ts";
import { authRoutes } from "./routes/auth/index.ts";
import { certificateRoutes, tenantCertificateRoutes } from "./routes/certificates/index.ts";
import { verificationPages } from "./routes/verification/index.ts";
import { registryPages } from "./routes/verification/registry.ts";
import { publicRegistryRoutes } from "./routes/public-registry/index.ts";
import { oldLinkRedirects } from "./routes/old-links/index.ts";
import { documentRoutes } from "./routes/documents/index.ts";
import { THUMBNAIL_MAX_BYTES } from "./routes/documents/thumbnail-put.ts";
import { mountDocs } from "./routes/docs/index.ts";
import { healthRoutes } from "./routes/health/index.ts";
import { instrumentRoutes, tenantInstrumentRoutes } from "./routes/instruments/index.ts";
import { INSTRUMENT_IMPORT_MAX_BYTES } from "./routes/instruments/import.ts";
import { selfAssessmentRoutes } from "./routes/self-assessment/index.ts";
import { invitationRoutes } from "./routes/invitations/index.ts";
import { nationalLksRoutes } from "./routes/national-lks/index.ts";
import { lksRoutes } from "./routes/lks/index.ts";
import { meRoutes } from "./routes/me/index.ts";
import { memberRoutes } from "./routes/members/index.ts";
import { notificationRoutes } from "./routes/notifications/index.ts";
import { outboxRoutes } from "./routes/outbox/index.ts";
import { regionRoutes } from "./routes/regions/index.ts";
import { tenantProfileRoutes } from "./routes/tenant-profile/index.ts";
import { tenantSetupRoutes } from "./routes/tenant-setup/index.ts";
import { LOGO_MAX_BYTES } from "./routes/tenant-profile/logo-put.ts";
import { tenantSignupRoutes } from "./routes/tenant-signups/index.ts";
import { SIGNUP_LETTER_MAX_BYTES } from "./routes/tenant-signups/letter-put.ts";
import { tenantRoutes } from "./routes/tenants/index.ts";
import { uploadRoutes } from "./routes/uploads/index.ts";
import { visitPlanRoutes } from "./routes/visit-plans/index.ts";
import { visitRoutes } from "./routes/visits/index.ts";
import { workflowRoutes } from "./routes/workflow/index.ts";

/** JSON bodies of this API are small; the few binary uploads name their own limit. */
const MAX_JSON_BODY_BYTES = 64 * 1024;
const UPLOAD_LIMITS: readonly [RegExp, number][] = [
  [/^\/api\/v1\/public\/tenant-signups\/[^/]+\/letter$/, SIGNUP_LETTER_MAX_BYTES],
  [/^\/api\/v1\/t\/[^/]+\/logo$/, LOGO_MAX_BYTES],
  [/^\/api\/v1\/national\/instruments\/import$/, INSTRUMENT_IMPORT_MAX_BYTES],
  [/^\/api\/v1\/t\/[^/]+\/documents\/[^/]+\/thumbnail$/, THUMBNAIL_MAX_BYTES],
  // tus: the Durable Object also refuses any byte past the upload's declared length.
  [/^\/api\/v1\/t\/[^/]+\/uploads(\/[^/]+)?$/, MAX_UPLOAD_BYTES],
];

/** How far an upload's body is read ahead of its handler (one R2 part and a bit). */
const UPLOAD_READ_AHEAD_BYTES = 8 * 1024 * 1024;

export function createApp() {
  const app = createRouter();

  app.use("*", requestId());
  app.use(
    "/api/*",
    secureHeaders({
      contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
      referrerPolicy: "strict-origin-when-cross-origin",
      xFrameOptions: "DENY",
      crossOriginResourcePolicy: "same-origin",
    }),
  );
  app.use("/api/*", noStoreByDefault());
  app.use("/api/*", (c, next) => {
    const maxSize = UPLOAD_LIMITS.find(([path]) => path.test(c.req.path))?.[1] ?? MAX_JSON_BODY_BYTES;
    return bodyLimit({
      maxSize,
      onError: () => {
        throw new Problem(
          "payload-too-large",
          `Isi permintaan melebihi ${Math.round(maxSize / 1024)} KB / Request body exceeds ${Math.round(maxSize / 1024)} KB`,
        );
      },
    })(c, next);
  });
  // Upload chunks are read from their first byte, before authentication: see eager-body.
  app.use("/api/v1/t/:tenant/uploads/*", eagerBody(UPLOAD_READ_AHEAD_BYTES)); // also matches …/uploads
  app.use("/api/*", async (c, next) => {
    // In development every API answer says how many D1 round trips it took (`Server-Timing: d1;
    // desc="round trips";dur=N`, a count, not ms): the bench reads it, and tests pin "one before
    // the handler". Counting costs a proxy per request; production neither pays nor shows it.
    const counted = c.env.ENVIRONMENT === "development" ? countRoundTrips(c.env.DB) : null;
    c.set("db", createDb(counted?.db ?? c.env.DB));
    await next();
    if (!counted) return;
    const timing = `d1;desc="round trips";dur=${counted.count()}`;
    try {
      c.res.headers.append("server-timing", timing);
    } catch {
      c.res = new Response(c.res.body, c.res); // a response with immutable headers (fetched through)
      c.res.headers.append("server-timing", timing);
    }
  });
  app.use("/api/*", csrf());
  app.use("/api/*", authenticate());
  app.use("/api/v1/t/:tenant/*", tenant());
  app.use("/api/v1/*", idempotency());

  app.route("/", healthRoutes);
  app.route("/", authRoutes);
  app.route("/", regionRoutes);
  app.route("/", outboxRoutes);
  app.route("/", lksRoutes);
  app.route("/", nationalLksRoutes);
  app.route("/", invitationRoutes);
  app.route("/", memberRoutes);
  app.route("/", areaRoutes);
  app.route("/", tenantSignupRoutes);
  app.route("/", tenantRoutes);
  app.route("/", tenantProfileRoutes);
  app.route("/", tenantSetupRoutes);
  app.route("/", auditRoutes);
  app.route("/", workflowRoutes);
  app.route("/", applicationRoutes);
  app.route("/", notificationRoutes);
  app.route("/", meRoutes);
  app.route("/", uploadRoutes);
  app.route("/", documentRoutes);
  app.route("/", instrumentRoutes);
  app.route("/", tenantInstrumentRoutes);
  app.route("/", selfAssessmentRoutes);
  app.route("/", asesorRoutes);
  app.route("/", visitPlanRoutes);
  app.route("/", visitRoutes);
  app.route("/", certificateRoutes);
  app.route("/", tenantCertificateRoutes);
  app.route("/", verificationPages);
  app.route("/", publicRegistryRoutes);
  app.route("/", registryPages);
  app.route("/", oldLinkRedirects);
  app.route("/", reconciliationRoutes);
  app.route("/", decisionRoutes);
  app.route("/", improvementPlanRoutes);
  app.route("/", visitScoringRoutes);
  app.route("/", reportRoutes);
  mountDocs(app);

  app.notFound(onNotFound);
  app.onError(onError);
  return app;
}
