import { createMiddleware } from "hono/factory";
import type { AppEnv, TenantEnv } from "../../env.ts";
import { createRouter } from "../../lib/router.ts";
import { append, appendRoute } from "./append.ts";
import { createUpload, createUploadRoute } from "./create.ts";
import { uploadOptions, uploadOptionsRoute } from "./options.ts";
import { uploadStatus, uploadStatusRoute } from "./status.ts";
import { terminate, terminateRoute } from "./terminate.ts";
import { TUS_VERSION } from "./tus.ts";

/** tus: every answer, errors included, names the protocol version. */
const tusResumable = createMiddleware<AppEnv>(async (c, next) => {
  c.header("tus-resumable", TUS_VERSION);
  await next();
});

export const uploadRoutes = createRouter<TenantEnv>();
uploadRoutes.use("/api/v1/t/:tenant/uploads", tusResumable);
uploadRoutes.use("/api/v1/t/:tenant/uploads/*", tusResumable);
uploadRoutes
  .openapi(uploadOptionsRoute, uploadOptions)
  .openapi(createUploadRoute, createUpload)
  .openapi(uploadStatusRoute, uploadStatus)
  .openapi(appendRoute, append)
  .openapi(terminateRoute, terminate);
