import { DocumentList } from "@akrab/contracts";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { TenantEnv } from "../../env.ts";
import { bearerSecurity, jsonResponse, problems } from "../../lib/openapi.ts";
import { presentDocument } from "../../services/documents.ts";
import { LksParam, visibleLks } from "../lks/show.ts";

export const lksDocumentsRoute = createRoute({
  method: "get",
  operationId: "documents.listOfLks",
  path: "/api/v1/t/{tenant}/lks/{lksId}/documents",
  tags: ["Documents"],
  summary: "The documents behind an LKS's profile fields (decree, deed, approvals, NPWP card) with their versions",
  description:
    "Uploaded with `lksId` + `profileField` in Upload-Metadata; one document per field, every replacement a new version. " +
    "Whoever reads the LKS reads them (its province, national readers); another tenant's or another LKS's is a 404.",
  security: bearerSecurity,
  request: { params: LksParam },
  responses: { 200: jsonResponse(DocumentList, "The profile documents, by field"), ...problems(401, 404) },
});

export const lksDocuments: RouteHandler<typeof lksDocumentsRoute, TenantEnv> = async (c) => {
  const lks = await visibleLks(c, c.req.valid("param").lksId);
  const store = c.get("scope").documents;
  const documents = await store.profileDocumentsOfLks(lks.id);
  const versions = await store.versionsOf(documents.map((d) => d.id));
  return c.json({ items: documents.map((d) => presentDocument(d, versions)) }, 200);
};
