/**
 * RFC 6266 attachment header: an ASCII fallback for old clients plus the exact UTF-8 name
 * (header values must be Latin-1, so non-ASCII names only travel percent-encoded).
 */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
