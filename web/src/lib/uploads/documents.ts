/**
 * Stored documents of an application (`GET …/applications/{id}/documents`) and the addresses of
 * their bytes.
 */
import type { components } from "#lib/api-schema.d.ts";
import { api, apiHref } from "#lib/api.ts";

export type DocumentView = components["schemas"]["Document"];
export type DocumentVersion = DocumentView["current"];

/** The application's documents keyed by checklist requirement. */
export async function loadDocuments(tenant: string, applicationId: string): Promise<Record<string, DocumentView>> {
  const list = await api.get("/t/{tenant}/applications/{applicationId}/documents", {
    params: { tenant, applicationId },
  });
  const out: Record<string, DocumentView> = {};
  for (const doc of list.items) if (doc.requirement) out[doc.requirement] = doc;
  return out;
}

/** Download address (an attachment; `version` for an earlier one). */
export function contentUrl(tenant: string, documentId: string, version?: number): string {
  return apiHref("/t/{tenant}/documents/{documentId}/content", { params: { tenant, documentId }, query: { version } });
}

/** Thumbnail address; the version in the query also keeps a cached old thumbnail from showing after a replacement. */
export function thumbnailUrl(tenant: string, documentId: string, version: number): string {
  return apiHref("/t/{tenant}/documents/{documentId}/thumbnail", {
    params: { tenant, documentId },
    query: { version },
  });
}
