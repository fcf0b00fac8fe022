/**
 * Downscales an image in the browser before upload (a logo: ≤ 256 px, ≤ 200 KB), so a phone
 * photo of a letterhead never crosses a 2G link at full size. WebP where the browser can encode
 * it (Safari cannot: it falls back to PNG, then JPEG if the PNG is too large).
 */
export interface ResizedImage {
  blob: Blob;
  type: "image/webp" | "image/png" | "image/jpeg";
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

export async function resizeImage(file: Blob, max = 256, maxBytes = 200 * 1024): Promise<ResizedImage> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    throw new ImageError("decode");
  }
  const size = fitWithin(bitmap.width, bitmap.height, max);
  const canvas = document.createElement("canvas");
  canvas.width = size.width;
  canvas.height = size.height;
  const context = canvas.getContext("2d");
  if (!context) throw new ImageError("decode");
  context.imageSmoothingQuality = "high";
  context.drawImage(bitmap, 0, 0, size.width, size.height);
  bitmap.close();

  const attempts: Array<[ResizedImage["type"], number | undefined]> = [
    ["image/webp", 0.9],
    ["image/webp", 0.75],
    ["image/webp", 0.6],
    ["image/png", undefined],
    ["image/jpeg", 0.85],
    ["image/jpeg", 0.6],
  ];
  for (const [type, quality] of attempts) {
    const blob = await toBlob(canvas, type, quality);
    // A browser that cannot encode a type silently returns PNG: skip to the next attempt.
    if (!blob || blob.type !== type) continue;
    if (blob.size <= maxBytes) return { blob, type, ...size, dataUrl: await toDataUrl(blob) };
  }
  throw new ImageError("too_large");
}
