import type { DocumentType } from "../applications/checklist.ts";

/**
 * Characters no filename keeps: C0 and C1 controls, DEL, the characters Windows reserves, and the
 * bidirectional marks, embeddings, overrides and isolates. A right-to-left override makes
 * `laporan\u202Efdp.exe` display as `laporanexe.pdf`; no real file name needs one.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what this strips
const UNSAFE = /[\u0000-\u001f\u007f-\u009f<>:"|?*\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const MAX_LENGTH = 120;

/**
 * A filename safe to store and to send back in Content-Disposition: no path parts, no control,
 * bidi or reserved characters, no leading dots, at most 120 characters with the extension kept.
 */
export function sanitizeFilename(input: string, fallback = "dokumen"): string {
  const base = input.split(/[\\/]/).at(-1) ?? "";
  const cleaned = base.normalize("NFC").replace(UNSAFE, "").replace(/\s+/g, " ").trim().replace(/^\.+/, "");
  if (!cleaned) return fallback;
  const dot = cleaned.lastIndexOf(".");
  const ext = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : "";
  const stem = ext ? cleaned.slice(0, dot) : cleaned;
  return withExtension(stem, ext, fallback);
}

/** The extensions a file of each type is known by; the first is the one given when none fits. */
export const EXTENSIONS: Record<DocumentType, readonly string[]> = {
  pdf: ["pdf"],
  jpeg: ["jpg", "jpeg", "jfif"],
  png: ["png"],
  webp: ["webp"],
  heic: ["heic", "heif"],
  docx: ["docx"],
  xlsx: ["xlsx"],
};

/**
 * A safe filename whose extension says what the content is. The name is what a reader's device
 * uses to pick an application: a PDF stored as `laporan.html` would open in a browser as a page.
 * An extension of another type is replaced (`laporan.html` → `laporan.pdf`); a suffix that is no
 * extension (`Rev.2`) is kept and the type's extension appended (`Rev.2.pdf`).
 */
export function filenameForType(input: string, type: DocumentType, fallback = "dokumen"): string {
  const safe = sanitizeFilename(input, fallback);
  const dot = safe.lastIndexOf(".");
  const suffix = dot > 0 ? safe.slice(dot + 1) : "";
  if (EXTENSIONS[type].includes(suffix.toLowerCase())) return safe;
  const looksLikeExtension = /^(?=.*[a-z])[a-z0-9]{1,5}$/i.test(suffix);
  const stem = looksLikeExtension ? safe.slice(0, dot) : safe;
  return withExtension(stem, `.${EXTENSIONS[type][0]}`, fallback);
}

function withExtension(stem: string, ext: string, fallback: string): string {
  return `${
    [...stem]
      .slice(0, MAX_LENGTH - ext.length)
      .join("")
      .trim() || fallback
  }${ext}`;
}
