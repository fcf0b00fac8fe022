import { MAX_UPLOAD_BYTES } from "@akrab/domain";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { TenantEnv } from "../../env.ts";
import { bearerSecurity, problems } from "../../lib/openapi.ts";
import { TenantParam } from "../../lib/params.ts";
import { TUS_EXTENSIONS, TUS_VERSION } from "./tus.ts";

export const uploadOptionsRoute = createRoute({
  method: "options",
  operationId: "uploads.options",
  path: "/api/v1/t/{tenant}/uploads",
  tags: ["Uploads (tus)"],
  summary: "tus discovery: the protocol version, extensions and the largest upload accepted",
  security: bearerSecurity,
  request: { params: TenantParam },
  responses: { 204: { description: "What this tus server supports" }, ...problems(401, 404) },
});

export const uploadOptions: RouteHandler<typeof uploadOptionsRoute, TenantEnv> = (c) =>
  c.body(null, 204, {
    "tus-version": TUS_VERSION,
    "tus-extension": TUS_EXTENSIONS,
    "tus-max-size": String(MAX_UPLOAD_BYTES),
  });
