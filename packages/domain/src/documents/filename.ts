/**
 * A filename safe to store and to send back in Content-Disposition: no path parts, no control or
 * reserved characters, no leading dots, at most 120 characters with the extension kept.
 */
export function sanitizeFilename(input: string, fallback = "dokumen"): string {
  const base = input.split(/[\\/]/).at(-1) ?? "";
  const cleaned = base
    .normalize("NFC")
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^\.+/, "");
  if (!cleaned) return fallback;
  const dot = cleaned.lastIndexOf(".");
  const ext = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : "";
  const stem = ext ? cleaned.slice(0, dot) : cleaned;
  return `${[...stem].slice(0, 120 - ext.length).join("").trim() || fallback}${ext}`;
}
