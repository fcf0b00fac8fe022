/**
 * File types recognised from their first bytes: a name or a declared Content-Type proves nothing
 * (ARCHITECTURE.md, "Documents"). Give it the first 4 KiB of a file.
 */
export type SniffedType =
  | "application/pdf"
  | "image/jpeg"
  | "image/png"
  | "image/webp"
  | "image/heic"
  | "docx"
  | "xlsx";

export const MIME_TYPES: Record<SniffedType, string> = {
  "application/pdf": "application/pdf",
  "image/jpeg": "image/jpeg",
  "image/png": "image/png",
  "image/webp": "image/webp",
  "image/heic": "image/heic",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

const HEIC_BRANDS = new Set(["heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1"]);

export function sniffFileType(bytes: Uint8Array): SniffedType | null {
  const at = (offset: number, ...sig: number[]) => sig.every((b, i) => bytes[offset + i] === b);
  const ascii = (offset: number, length: number) => String.fromCharCode(...bytes.subarray(offset, offset + length));
  if (at(0, 0x25, 0x50, 0x44, 0x46, 0x2d)) return "application/pdf"; // %PDF-
  if (at(0, 0xff, 0xd8, 0xff)) return "image/jpeg";
  if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "image/png";
  if (ascii(0, 4) === "RIFF" && ascii(8, 4) === "WEBP") return "image/webp";
  // ISO base media: [size]["ftyp"][major brand]; HEIC photos from phones use these brands.
  if (ascii(4, 4) === "ftyp" && HEIC_BRANDS.has(ascii(8, 4))) return "image/heic";
  // Office Open XML files are ZIP archives; the first entries name the part folders.
  if (at(0, 0x50, 0x4b, 0x03, 0x04)) {
    const head = ascii(0, Math.min(bytes.length, 4096));
    if (head.includes("word/")) return "docx";
    if (head.includes("xl/")) return "xlsx";
  }
  return null;
}

/** Maps a sniffed type to the checklist's accepted-type names (pdf, jpeg, png, webp, heic, docx, xlsx). */
export function documentTypeOf(type: SniffedType): "pdf" | "jpeg" | "png" | "webp" | "heic" | "docx" | "xlsx" {
  switch (type) {
    case "application/pdf":
      return "pdf";
    case "image/jpeg":
      return "jpeg";
    case "image/png":
      return "png";
    case "image/webp":
      return "webp";
    case "image/heic":
      return "heic";
    default:
      return type;
  }
}
