import { createRoute, z, type RouteHandler } from "@hono/zod-openapi";
import type { NationalEnv } from "../../env.ts";
import { bearerSecurity, problems } from "../../lib/openapi.ts";
import { national } from "../../middleware/national/index.ts";
import { notFound } from "../../middleware/problem/index.ts";
import { contentDisposition } from "../../lib/content-disposition.ts";
import { SignupParam } from "./letter-put.ts";

export const getLetterRoute = createRoute({
  method: "get",
  operationId: "tenantSignups.letterGet",
  path: "/api/v1/national/tenant-signups/{signupId}/letter",
  tags: ["Tenant onboarding"],
  summary: "Download a sign-up's assignment letter (platform admins)",
  security: bearerSecurity,
  middleware: [national({ roles: ["platform_admin"] })] as const,
  request: { params: SignupParam },
  responses: {
    200: {
      description: "The PDF",
      content: { "application/pdf": { schema: z.string().openapi({ format: "binary" }) } },
    },
    ...problems(401, 404),
  },
});

export const getLetter: RouteHandler<typeof getLetterRoute, NationalEnv> = async (c) => {
  const signup = await c.get("national").signups.find(c.req.valid("param").signupId);
  const object = signup?.letterKey ? await c.env.DOCS.get(signup.letterKey) : null;
  if (!signup || !object) throw notFound();
  return c.body(object.body, 200, {
    "content-type": "application/pdf",
    "content-length": String(object.size),
    "content-disposition": contentDisposition(signup.letterFilename ?? "surat-tugas.pdf"),
    "cache-control": "private, no-store",
  });
};
