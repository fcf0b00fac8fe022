import { FormulirCView } from "@akrab/contracts";
import { createRoute, z, type RouteHandler } from "@hono/zod-openapi";
import type { TenantEnv } from "../../env.ts";
import { contentDisposition } from "../../lib/content-disposition.ts";
import { bearerSecurity, jsonResponse, problems } from "../../lib/openapi.ts";
import { formulirC, formulirCPdf } from "../../services/formulir-c.ts";
import { ApplicationParam, visibleApplication } from "../applications/show.ts";

export const formulirCRoute = createRoute({
  method: "get",
  operationId: "selfAssessment.formulirC",
  path: "/api/v1/t/{tenant}/applications/{applicationId}/self-assessment/formulir-c",
  tags: ["Self-assessment"],
  summary: "Formulir C (the document scoring sheet) as data for the printable page",
  description:
    "Per standard and indicator: the LKS's level, its evidence (or the evidence expected when none is attached), and the rubric, for the asesor to score. Whoever sees the application reads it.",
  security: bearerSecurity,
  request: { params: ApplicationParam },
  responses: { 200: jsonResponse(FormulirCView, "Formulir C"), ...problems(401, 404) },
});

export const showFormulirC: RouteHandler<typeof formulirCRoute, TenantEnv> = async (c) => {
  const app = await visibleApplication(c, c.req.valid("param").applicationId);
  return c.json(await formulirC(c.get("scope"), app), 200);
};

export const formulirCPdfRoute = createRoute({
  method: "get",
  operationId: "selfAssessment.formulirCPdf",
  path: "/api/v1/t/{tenant}/applications/{applicationId}/self-assessment/formulir-c.pdf",
  tags: ["Self-assessment"],
  summary: "Formulir C as a PDF to print (A4 landscape), with empty columns for the asesor",
  security: bearerSecurity,
  request: { params: ApplicationParam },
  responses: {
    200: {
      description: "The PDF",
      content: { "application/pdf": { schema: z.string().openapi({ format: "binary" }) } },
    },
    ...problems(401, 404),
  },
});

export const downloadFormulirC: RouteHandler<typeof formulirCPdfRoute, TenantEnv> = async (c) => {
  const app = await visibleApplication(c, c.req.valid("param").applicationId);
  const bytes = await formulirCPdf(await formulirC(c.get("scope"), app));
  return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
    "content-type": "application/pdf",
    "content-disposition": contentDisposition(`formulir-c-${app.id}.pdf`),
  });
};
