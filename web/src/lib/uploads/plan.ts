/**
 * Pure decisions of the upload library (unit-tested): how big a chunk to send on this link, how
 * many files at once, which MIME type a picked file is, whether a requirement takes it, and what a
 * photo is re-encoded to before it crosses a slow link.
 */
import type { DocumentType } from "#lib/api-types.ts";
import { DOCUMENT_MIME, DOWNSCALABLE } from "./accept.ts";

export { DOCUMENT_MIME, acceptAttribute } from "./accept.ts";

export const KIB = 1024;
export const MIB = 1024 * 1024;

/** What `navigator.connection` (Network Information API; Chromium only) tells about the link. */
export interface ConnectionInfo {
  effectiveType?: string;
  /** Estimated downlink in Mbit/s (Chromium caps it at 10). */
  downlink?: number;
  saveData?: boolean;
}

export interface TransferPlan {
  /** Bytes per PATCH: what one drop can cost at most. */
  chunkSize: number;
  /** Files sent at the same time. */
  parallel: number;
}

/**
 * Chunk size and parallelism from the connection. A drop costs the bytes in flight, so small
 * chunks on slow links (256 KiB ≈ 5 s on 2G/slow 3G); bigger ones where round trips dominate.
 * Without the API (Firefox, Safari) a phone gets the middle size and a desktop the big one.
 */
export function transferPlan(connection: ConnectionInfo | null | undefined, mobile: boolean): TransferPlan {
  const type = connection?.effectiveType;
  const downlink = connection?.downlink;
  const known = type !== undefined || (downlink !== undefined && downlink > 0);
  if (!known) return mobile ? { chunkSize: MIB, parallel: 2 } : { chunkSize: 5 * MIB, parallel: 2 };
  if (connection?.saveData || type === "slow-2g" || type === "2g" || type === "3g")
    return { chunkSize: 256 * KIB, parallel: 1 };
  // "4g" means anything from ~0.7 Mbit/s up: look at the downlink estimate too.
  if (downlink !== undefined && downlink > 0 && downlink < 1.5) return { chunkSize: 256 * KIB, parallel: 1 };
  if (downlink !== undefined && downlink >= 10 && !mobile) return { chunkSize: 5 * MIB, parallel: 2 };
  return { chunkSize: MIB, parallel: 2 };
}

/**
 * Retry delays handed to tus-js-client: quick at first (a blip), then every 30–60 s for about
 * a quarter of an hour (a phone walking out of coverage). After that the queue itself keeps
 * waiting for the `online` event or a periodic retry; the file is never given up on.
 */
export const RETRY_DELAYS: readonly number[] = [
  0,
  1000,
  3000,
  5000,
  10_000,
  20_000,
  30_000,
  30_000,
  ...Array<number>(12).fill(60_000),
];

/** The accepted-type name of a picked file, from its MIME type or else its extension (phones often send none). */
export function documentTypeOfFile(name: string, mime: string): DocumentType | null {
  const type = (mime.toLowerCase().split(";")[0] ?? "").trim();
  if (type === "image/jpg" || type === "image/pjpeg") return "jpeg";
  if (type === "image/heif") return "heic";
  for (const [key, entry] of Object.entries(DOCUMENT_MIME) as [DocumentType, (typeof DOCUMENT_MIME)[DocumentType]][]) {
    if (entry.mime === type) return key;
  }
  const lower = name.toLowerCase();
  for (const [key, entry] of Object.entries(DOCUMENT_MIME) as [DocumentType, (typeof DOCUMENT_MIME)[DocumentType]][]) {
    if (entry.extensions.some((extension) => lower.endsWith(extension))) return key;
  }
  return null;
}

export const PHOTO_MAX_SIDE = 1600;
export const PHOTO_QUALITY = 0.82;
/**
 * Every page shows a thumbnail at 80 CSS px (5rem): 160 px is sharp at twice the pixel density and a
 * quarter of 320 px's bytes, which counts when an asesor keeps 30 of them with a visit pack on 2G.
 */
export const THUMB_MAX_SIDE = 160;
export const THUMB_MAX_BYTES = 64 * KIB;

/**
 * What a photo is re-encoded to, best first, among the types the requirement accepts: WebP where
 * the browser can encode it (smaller at the same quality), else JPEG; a PNG-only requirement keeps
 * PNG (only the pixel size shrinks). Empty: send the file as it is.
 */
export function photoTargets(
  source: DocumentType,
  accepted: readonly DocumentType[],
  canEncodeWebp: boolean,
): Array<"image/webp" | "image/jpeg" | "image/png"> {
  if (!DOWNSCALABLE.includes(source)) return [];
  const out: Array<"image/webp" | "image/jpeg" | "image/png"> = [];
  if (accepted.includes("webp") && canEncodeWebp) out.push("image/webp");
  if (accepted.includes("jpeg")) out.push("image/jpeg");
  if (out.length === 0 && source === "png" && accepted.includes("png")) out.push("image/png");
  return out;
}

/** Whether the requirement could take this file after downscaling (the original type may not be accepted itself). */
export function canSend(
  source: DocumentType | null,
  accepted: readonly DocumentType[],
  canEncodeWebp: boolean,
): boolean {
  if (source === null) return false;
  return accepted.includes(source) || photoTargets(source, accepted, canEncodeWebp).length > 0;
}

/** The file name after re-encoding: the extension follows the new type ("IMG_0001.PNG" → "IMG_0001.jpg"). */
export function renameFor(name: string, mime: string): string {
  const extension =
    mime === "image/webp" ? ".webp" : mime === "image/png" ? ".png" : mime === "image/jpeg" ? ".jpg" : null;
  if (!extension) return name;
  const dot = name.lastIndexOf(".");
  const base = dot > 0 ? name.slice(0, dot) : name;
  if (dot > 0 && DOCUMENT_MIME.jpeg.extensions.includes(name.slice(dot).toLowerCase()) && extension === ".jpg")
    return name;
  return `${base || "foto"}${extension}`;
}

/** Of the original and the re-encoded photo, the one to send: the smaller (re-encoding can grow a small, well-compressed file). */
export function keepSmaller<T extends { size: number }>(original: T, candidate: T | null): T {
  return candidate !== null && candidate.size < original.size ? candidate : original;
}

/** "3% saved" is noise; say something only from 5 % on. */
export function savedFraction(originalSize: number, size: number): number {
  if (originalSize <= 0 || size >= originalSize) return 0;
  const fraction = (originalSize - size) / originalSize;
  return fraction >= 0.05 ? fraction : 0;
}
