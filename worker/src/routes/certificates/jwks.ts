import { Jwks } from "@akrab/contracts";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { AppEnv } from "../../env.ts";
import { jsonResponse } from "../../lib/openapi.ts";
import { publicKeys } from "../../services/certificate-keys.ts";

export const jwksRoute = createRoute({
  method: "get",
  operationId: "certificates.jwks",
  path: "/.well-known/jwks.json",
  tags: ["Certificates"],
  summary: "The public keys that sign certificates' QR payloads (Ed25519, by key id)",
  description:
    "Every key that ever signed a certificate stays here after a rotation, so a QR printed years ago still verifies offline.",
  responses: { 200: jsonResponse(Jwks, "The JSON Web Key Set") },
});

export const jwks: RouteHandler<typeof jwksRoute, AppEnv> = (c) =>
  c.json({ keys: publicKeys(c.env) }, 200, {
    "cache-control": "public, max-age=3600",
    "access-control-allow-origin": "*",
  });
