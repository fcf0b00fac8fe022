import { attachLetter, findSignup, recordAudit } from "@akrab/db";
import { filenameForType, sniffFileType } from "@akrab/domain";
import { createRoute, z, type RouteHandler } from "@hono/zod-openapi";
import type { AppEnv } from "../../env.ts";
import { clientIp } from "../../lib/client-ip.ts";
import { problems } from "../../lib/openapi.ts";
import { Problem, notFound } from "../../middleware/problem/index.ts";
import { hashSecretToken } from "../../services/secret-tokens.ts";

export const SIGNUP_LETTER_MAX_BYTES = 5 * 1024 * 1024;

export const SignupParam = z.object({ signupId: z.string().min(1).max(64) });

export const putLetterRoute = createRoute({
  method: "put",
  operationId: "tenantSignups.letterPut",
  path: "/api/v1/public/tenant-signups/{signupId}/letter",
  tags: ["Tenant onboarding"],
  summary: "Attach (or replace) the assignment letter of a pending sign-up, as a PDF of at most 5 MB",
  request: {
    params: SignupParam,
    headers: z.object({
      "x-attach-token": z.string().min(16).max(256).openapi({ description: "attachToken from the sign-up answer" }),
      "x-filename": z.string().max(1024).optional().openapi({
        description: "The file's name on the applicant's device (URI-encoded); kept, made safe, for the reviewer",
      }),
    }),
    body: { required: true, content: { "application/pdf": { schema: z.string().openapi({ format: "binary" }) } } },
  },
  responses: { 204: { description: "Letter attached" }, ...problems(400, 404) },
});

export const putLetter: RouteHandler<typeof putLetterRoute, AppEnv> = async (c) => {
  const db = c.get("db");
  const { signupId } = c.req.valid("param");
  const signup = await findSignup(db, signupId);
  // A wrong token looks exactly like a missing sign-up.
  if (
    signup?.status !== "pending" ||
    signup.attachTokenHash !== (await hashSecretToken(c.req.valid("header")["x-attach-token"]))
  )
    throw notFound();
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  if (bytes.length === 0)
    throw new Problem("validation", "Berkas kosong / Empty file", {
      errors: [{ path: "body", message: "Berkas kosong / Empty file" }],
    });
  if (sniffFileType(bytes.subarray(0, 4096)) !== "application/pdf") {
    throw new Problem("unsupported-media-type", "Surat tugas harus berupa PDF / The assignment letter must be a PDF");
  }
  const key = `signups/${signup.id}/letter.pdf`;
  await c.env.DOCS.put(key, bytes, { httpMetadata: { contentType: "application/pdf" } });
  await db.batch([
    attachLetter(db, signup.id, {
      key,
      filename: letterFilename(c.req.valid("header")["x-filename"], signup.region.slug),
      size: bytes.length,
    }),
    recordAudit(db, {
      action: "tenant.signup_letter_attached",
      targetType: "tenant_signup",
      targetId: signup.id,
      ip: clientIp(c),
      data: { size: bytes.length },
    }),
  ]);
  return c.body(null, 204);
};

/** The applicant's own file name, made safe and ending in .pdf; a generated one when absent or unreadable. */
function letterFilename(sent: string | undefined, regionSlug: string): string {
  let name = "";
  try {
    name = sent ? decodeURIComponent(sent) : "";
  } catch {
    name = "";
  }
  return filenameForType(name, "pdf", `surat-tugas-${regionSlug}`);
}
