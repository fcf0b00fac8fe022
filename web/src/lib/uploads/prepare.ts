/**
 * Turns a picked file into what the queue sends: a photo downscaled (unless the person asks for
 * the original; the smaller of the two wins), a thumbnail for images, the SHA-256 of the bytes
 * that will really be sent, and the checks the server would make anyway (type, size) — so a
 * refusal costs no bytes on a 2G link.
 */
import type { DocumentType } from "#lib/api-types.ts";
import { canEncodeWebp, decodeImage, downscalePhoto, makeThumbnail } from "#lib/image.ts";
import { sha256Hex } from "./hash.ts";
import {
  DOCUMENT_MIME,
  PHOTO_MAX_SIDE,
  PHOTO_QUALITY,
  THUMB_MAX_BYTES,
  THUMB_MAX_SIDE,
  canSend,
  documentTypeOfFile,
  keepSmaller,
  photoTargets,
  renameFor,
} from "./plan.ts";
import type { Failure } from "./protocol.ts";

export interface Prepared {
  blob: Blob;
  filename: string;
  filetype: string;
  size: number;
  originalSize: number;
  sha256: string;
  thumbnail: Blob | null;
  /** Pixel sizes when a photo was re-encoded. */
  resized: { from: [number, number]; to: [number, number] } | null;
}

export class PrepareRefused extends Error {
  constructor(readonly failure: Failure) {
    super(failure.kind);
    this.name = "PrepareRefused";
  }
}

const refuse = (kind: Failure["kind"]) => new PrepareRefused({ kind, status: 0, detail: null });

export async function prepareFile(
  file: File,
  accepted: readonly DocumentType[],
  maxBytes: number,
  sendOriginal: boolean,
): Promise<Prepared> {
  const type = documentTypeOfFile(file.name, file.type);
  const webp = type !== null && (type === "jpeg" || type === "png" || type === "webp") ? await canEncodeWebp() : false;
  if (!canSend(type, accepted, webp) || type === null) throw refuse("unsupported_type");

  let blob: Blob = file;
  let filename = file.name || "dokumen";
  let filetype = DOCUMENT_MIME[type].mime;
  let thumbnail: Blob | null = null;
  let resized: Prepared["resized"] = null;

  const targets = photoTargets(type, accepted, webp);
  const mustConvert = !accepted.includes(type);
  if (targets.length > 0 || ["jpeg", "png", "webp", "heic"].includes(type)) {
    let image: ImageBitmap | null = null;
    try {
      image = await decodeImage(file);
    } catch {
      // HEIC in most browsers, or a broken file: send as is (the server checks the bytes) — unless it needs converting.
      if (mustConvert) throw refuse("decode");
    }
    if (image) {
      try {
        if (targets.length > 0 && (!sendOriginal || mustConvert)) {
          const photo = await downscalePhoto(
            image,
            targets,
            sendOriginal ? Number.POSITIVE_INFINITY : PHOTO_MAX_SIDE,
            PHOTO_QUALITY,
          );
          if (!photo && mustConvert) throw refuse("decode");
          const original = { blob: file as Blob, type: filetype, size: file.size };
          const candidate = photo ? { blob: photo.blob, type: photo.type as string, size: photo.blob.size } : null;
          const chosen = mustConvert && candidate ? candidate : keepSmaller(original, candidate);
          if (chosen !== original && photo) {
            blob = chosen.blob;
            filetype = chosen.type;
            filename = renameFor(filename, chosen.type);
            resized = { from: [photo.sourceWidth, photo.sourceHeight], to: [photo.width, photo.height] };
          }
        }
        thumbnail = (await makeThumbnail(image, THUMB_MAX_SIDE, THUMB_MAX_BYTES))?.blob ?? null;
      } finally {
        image.close();
      }
    }
  }

  if (blob.size > maxBytes) throw new PrepareRefused({ kind: "too_large", status: 0, detail: null, size: blob.size });
  if (blob.size === 0) throw refuse("validation");
  return {
    blob,
    filename,
    filetype,
    size: blob.size,
    originalSize: file.size,
    sha256: await sha256Hex(blob),
    thumbnail,
    resized,
  };
}
