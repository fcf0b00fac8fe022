import { PublicCertificate } from "@akrab/contracts";
import { publicCertificates } from "@akrab/db";
import { MAX_NUMBER_LENGTH } from "@akrab/domain";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { AppEnv } from "../../env.ts";
import { jsonResponse, problems } from "../../lib/openapi.ts";
import { notFound } from "../../middleware/problem/index.ts";
import { PUBLIC_CACHE_CONTROL, cached, keep } from "./cache.ts";
import { NumberParam } from "./params.ts";
import { presentPublic } from "./present.ts";

export const publicCertificateRoute = createRoute({
  method: "get",
  operationId: "certificates.publicShow",
  path: "/api/v1/public/certificates/{number}",
  tags: ["Certificates"],
  summary: "Verify a certificate by its number (no sign-in): the LKS, grade, validity and live status",
  description: [
    "No personal data: the LKS as an institution, its region and type, the grade, the validity and the status computed now",
    "(active, expiring within 180 days, expired, suspended, revoked, superseded) with its date and BALKS's reason.",
    "An unknown number and a malformed one get the same 404 problem after the same single query.",
    "Cached at the edge for a few minutes and purged when the certificate changes.",
  ].join(" "),
  request: { params: NumberParam },
  responses: { 200: jsonResponse(PublicCertificate, "The certificate as anyone may see it"), ...problems(404) },
});

export const certificateNotFound = () => notFound("Nomor sertifikat tidak terdaftar / No certificate with this number");

/** The public answer for `number`, or null: always exactly one lookup query first, whatever the input. */
export async function publicAnswer(db: AppEnv["Variables"]["db"], number: string) {
  // Malformed input runs the same indexed lookup (bounded) as a well-formed unknown number, so
  // neither the answer nor its timing tells the two apart.
  const found = await publicCertificates(db).byNumber(number.slice(0, MAX_NUMBER_LENGTH + 1));
  return found && found.certificate.number === number ? presentPublic(found) : null;
}

export const publicCertificate: RouteHandler<typeof publicCertificateRoute, AppEnv> = async (c) => {
  const url = new URL(c.req.url);
  const key = `${url.origin}${url.pathname}`;
  const hit = await cached(key);
  if (hit) return new Response(hit.body, hit) as never;
  const answer = await publicAnswer(c.get("db"), c.req.valid("param").number);
  if (!answer) throw certificateNotFound();
  const response = c.json(answer, 200, { "cache-control": PUBLIC_CACHE_CONTROL });
  await keep(key, response);
  return response;
};
