/**
 * Stored documents of an application (`GET …/applications/{id}/documents`) and the addresses of
 * their bytes. Types come from packages/contracts as types only (no zod in the browser).
 */
import type { DocumentView as DocumentViewSchema } from "@akrab/contracts";
import { API_BASE, api, seg } from "#lib/api.ts";

export type DocumentView = DocumentViewSchema;
export type DocumentVersion = DocumentView["current"];

const base = (tenant: string) => `/t/${seg(tenant)}`;

/** The application's documents keyed by checklist requirement. */
export async function loadDocuments(tenant: string, applicationId: string): Promise<Record<string, DocumentView>> {
  const list = await api.get<{ items: DocumentView[] }>(`${base(tenant)}/applications/${seg(applicationId)}/documents`);
  const out: Record<string, DocumentView> = {};
  for (const doc of list.items) if (doc.requirement) out[doc.requirement] = doc;
  return out;
}

/** Download address (an attachment; `version` for an earlier one). */
export function contentUrl(tenant: string, documentId: string, version?: number): string {
  return `${API_BASE}${base(tenant)}/documents/${seg(documentId)}/content${version === undefined ? "" : `?version=${version}`}`;
}

/** Thumbnail address; the version in the query also keeps a cached old thumbnail from showing after a replacement. */
export function thumbnailUrl(tenant: string, documentId: string, version: number): string {
  return `${API_BASE}${base(tenant)}/documents/${seg(documentId)}/thumbnail?version=${version}`;
}
