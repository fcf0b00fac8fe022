/**
 * What a checklist requirement's upload control needs before anything is picked: the file input's
 * `accept`, the list of types shown, and which types are photos sent downscaled. Apart from plan.ts
 * (which re-exports it) so the application page does not load the upload library's decisions.
 */
import type { DocumentType } from "#lib/api-types.ts";

/** The checklist's accepted-type names and their MIME types and file extensions. */
export const DOCUMENT_MIME: Record<DocumentType, { mime: string; extensions: string[] }> = {
  pdf: { mime: "application/pdf", extensions: [".pdf"] },
  jpeg: { mime: "image/jpeg", extensions: [".jpg", ".jpeg"] },
  png: { mime: "image/png", extensions: [".png"] },
  webp: { mime: "image/webp", extensions: [".webp"] },
  heic: { mime: "image/heic", extensions: [".heic", ".heif"] },
  docx: { mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", extensions: [".docx"] },
  xlsx: { mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", extensions: [".xlsx"] },
};

/** The file input's `accept`: MIME types and extensions (some Android pickers only honour one of the two). */
export function acceptAttribute(types: readonly DocumentType[]): string {
  const out: string[] = [];
  for (const type of types) {
    const entry = DOCUMENT_MIME[type];
    if (!entry) continue;
    out.push(entry.mime, ...entry.extensions);
    if (type === "heic") out.push("image/heif");
  }
  return [...new Set(out)].join(",");
}

/** Photos the browser can decode and re-encode smaller (HEIC: most browsers cannot decode it; sent as is). */
export const DOWNSCALABLE: readonly DocumentType[] = ["jpeg", "png", "webp"];

/** "PDF, JPEG, PNG": the accepted types as shown beside a requirement. */
export const typeList = (types: readonly DocumentType[]) => types.map((type) => type.toUpperCase()).join(", ");
