import { createDb } from "@akrab/db";
import { bodyLimit } from "hono/body-limit";
import { requestId } from "hono/request-id";
import { secureHeaders } from "hono/secure-headers";
import { createRouter } from "./lib/router.ts";
import { authenticate } from "./middleware/auth/index.ts";
import { csrf } from "./middleware/csrf/index.ts";
import { Problem, onError, onNotFound } from "./middleware/problem/index.ts";
import { tenant } from "./middleware/tenant/index.ts";
import { authRoutes } from "./routes/auth/index.ts";
import { mountDocs } from "./routes/docs/index.ts";
import { healthRoutes } from "./routes/health/index.ts";
import { invitationRoutes } from "./routes/invitations/index.ts";
import { lksRoutes } from "./routes/lks/index.ts";
import { memberRoutes } from "./routes/members/index.ts";
import { outboxRoutes } from "./routes/outbox/index.ts";
import { regionRoutes } from "./routes/regions/index.ts";

/** JSON bodies of this API are small; uploads get their own route and limit. */
export const MAX_JSON_BODY_BYTES = 64 * 1024;

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
  app.use(
    "/api/*",
    bodyLimit({
      maxSize: MAX_JSON_BODY_BYTES,
      onError: () => {
        throw new Problem("payload-too-large", `Isi permintaan melebihi ${MAX_JSON_BODY_BYTES / 1024} KB / Request body exceeds ${MAX_JSON_BODY_BYTES / 1024} KB`);
      },
    }),
  );
  app.use("/api/*", async (c, next) => {
    c.set("db", createDb(c.env.DB));
    await next();
  });
  app.use("/api/*", csrf());
  app.use("/api/*", authenticate());
  app.use("/api/v1/t/:tenant/*", tenant());

  app.route("/", healthRoutes);
  app.route("/", authRoutes);
  app.route("/", regionRoutes);
  app.route("/", outboxRoutes);
  app.route("/", lksRoutes);
  app.route("/", invitationRoutes);
  app.route("/", memberRoutes);
  mountDocs(app);

  app.notFound(onNotFound);
  app.onError(onError);
  return app;
}
