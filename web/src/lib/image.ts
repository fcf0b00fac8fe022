/**
 * Downscales images in the browser before upload, so a phone photo never crosses a 2G link at
 * full size:
 * - `resizeImage`: a logo (≤ 256 px, ≤ 200 KB), WebP where the browser can encode it (Safari
 *   cannot: it falls back to PNG, then JPEG if the PNG is too large);
 * - `downscalePhoto`: a document photo (longest side ≤ 1600 px, JPEG/WebP quality 0.82);
 * - `makeThumbnail`: the small preview stored beside a document (≤ 160 px as the uploads ask, ≤ 64 KiB).
 */
export type EncodedType = "image/webp" | "image/png" | "image/jpeg";

export interface ResizedImage {
  blob: Blob;
  type: EncodedType;
  width: number;
  height: number;
  /** A data: URL for the preview (the CSP allows data: images, not blob:). */
  dataUrl: string;
}

export class ImageError extends Error {
  constructor(readonly reason: "decode" | "too_large") {
    super(reason);
  }
}

function toBlob(canvas: HTMLCanvasElement, type: string, quality?: number): Promise<Blob | null> {
  return new Promise((resolve) => canvas.toBlob(resolve, type, quality));
}

function toDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error("read failed"));
    reader.readAsDataURL(blob);
  });
}

/** The target size that fits within `max` × `max`, never enlarging. */
export function fitWithin(width: number, height: number, max: number): { width: number; height: number } {
  const scale = Math.min(1, max / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** Decodes an image file (EXIF orientation applied); `ImageError("decode")` when the browser cannot (HEIC, broken files). */
export async function decodeImage(file: Blob): Promise<ImageBitmap> {
  try {
    return await createImageBitmap(file);
  } catch {
    throw new ImageError("decode");
  }
}

/**
 * Draws the image scaled to fit `max`. `opaque`: on white, for JPEG (which has no transparency:
 * a transparent PNG screenshot would otherwise turn black).
 */
function drawScaled(image: ImageBitmap, max: number, opaque: boolean): HTMLCanvasElement {
  const size = fitWithin(image.width, image.height, max);
  const canvas = document.createElement("canvas");
  canvas.width = size.width;
  canvas.height = size.height;
  const context = canvas.getContext("2d");
  if (!context) throw new ImageError("decode");
  if (opaque) {
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, size.width, size.height);
  }
  context.imageSmoothingEnabled = true;
  context.imageSmoothingQuality = "high";
  context.drawImage(image, 0, 0, size.width, size.height);
  return canvas;
}

/** The first attempt the browser really encodes and that fits `maxBytes`, or null. */
async function encodeFirstFitting(
  canvas: HTMLCanvasElement,
  attempts: ReadonlyArray<readonly [EncodedType, number | undefined]>,
  maxBytes: number,
): Promise<{ blob: Blob; type: EncodedType } | null> {
  for (const [type, quality] of attempts) {
    const blob = await toBlob(canvas, type, quality);
    // A browser that cannot encode a type silently returns PNG: skip to the next attempt.
    if (!blob || blob.type !== type) continue;
    if (blob.size <= maxBytes) return { blob, type };
  }
  return null;
}

let webpSupport: boolean | null = null;
/** Whether this browser's canvas encodes WebP (Chromium and Firefox do; Safari does not). */
export async function canEncodeWebp(): Promise<boolean> {
  if (webpSupport !== null) return webpSupport;
  try {
    const canvas = document.createElement("canvas");
    canvas.width = 1;
    canvas.height = 1;
    webpSupport = (await toBlob(canvas, "image/webp", 0.8))?.type === "image/webp";
  } catch {
    webpSupport = false;
  }
  return webpSupport;
}

export async function resizeImage(file: Blob, max = 256, maxBytes = 200 * 1024): Promise<ResizedImage> {
  const bitmap = await decodeImage(file);
  const canvas = drawScaled(bitmap, max, false);
  bitmap.close();
  const found = await encodeFirstFitting(
    canvas,
    [
      ["image/webp", 0.9],
      ["image/webp", 0.75],
      ["image/webp", 0.6],
      ["image/png", undefined],
      ["image/jpeg", 0.85],
      ["image/jpeg", 0.6],
    ],
    maxBytes,
  );
  if (!found) throw new ImageError("too_large");
  return { ...found, width: canvas.width, height: canvas.height, dataUrl: await toDataUrl(found.blob) };
}

export interface DownscaledPhoto {
  blob: Blob;
  type: EncodedType;
  width: number;
  height: number;
  /** The source's pixel size (before fitting). */
  sourceWidth: number;
  sourceHeight: number;
}

/**
 * A photo re-encoded for upload: longest side ≤ `max`, the first of `types` the browser encodes
 * (WebP/JPEG at `quality`, or PNG), or null when it encodes none of them. The caller keeps the
 * original when it is smaller. Pass an already decoded `image` to reuse it for the thumbnail.
 */
export async function downscalePhoto(
  image: ImageBitmap,
  types: readonly EncodedType[],
  max = 1600,
  quality = 0.82,
): Promise<DownscaledPhoto | null> {
  for (const type of types) {
    const canvas = drawScaled(image, max, type === "image/jpeg");
    const found = await encodeFirstFitting(
      canvas,
      [[type, type === "image/png" ? undefined : quality]],
      Number.POSITIVE_INFINITY,
    );
    if (found)
      return {
        ...found,
        width: canvas.width,
        height: canvas.height,
        sourceWidth: image.width,
        sourceHeight: image.height,
      };
  }
  return null;
}

/**
 * The preview stored beside a document: longest side ≤ `max`, WebP or JPEG (what the server
 * takes for thumbnails), at most `maxBytes`; null if even the lowest quality does not fit.
 */
export async function makeThumbnail(
  image: ImageBitmap,
  max = 160,
  maxBytes = 64 * 1024,
): Promise<{ blob: Blob; type: EncodedType } | null> {
  const canvas = drawScaled(image, max, true);
  return encodeFirstFitting(
    canvas,
    [
      ["image/webp", 0.75],
      ["image/jpeg", 0.75],
      ["image/webp", 0.5],
      ["image/jpeg", 0.5],
      ["image/jpeg", 0.3],
    ],
    maxBytes,
  );
}
