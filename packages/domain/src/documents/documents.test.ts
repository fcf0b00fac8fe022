import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { filenameForType, sanitizeFilename } from "./filename.ts";
import { documentTypeOf, sniffFileType } from "./file-type.ts";

const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === "string" ? [...p].map((ch) => ch.charCodeAt(0)) : p)));

describe("sniffFileType", () => {
  it.each([
    [bytes("%PDF-1.7\n"), "application/pdf"],
    [bytes([0xff, 0xd8, 0xff, 0xe0]), "image/jpeg"],
    [bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), "image/png"],
    [bytes("RIFF", [0, 0, 0, 0], "WEBPVP8 "), "image/webp"],
    [bytes([0, 0, 0, 0x18], "ftypheic", [0, 0, 0, 0], "mif1heic"), "image/heic"],
    [bytes("PK", [3, 4], "....[Content_Types].xml....word/document.xml"), "docx"],
    [bytes("PK", [3, 4], "....[Content_Types].xml....xl/workbook.xml"), "xlsx"],
  ] as const)("recognises %#", (input, type) => {
    expect(sniffFileType(input)).toBe(type);
  });

  it("refuses what it does not know, whatever it claims to be", () => {
    expect(sniffFileType(bytes("MZ\x90\x00 this is an .exe named foto.jpg"))).toBeNull();
    expect(sniffFileType(bytes("PK", [3, 4], "plain.zip content"))).toBeNull();
    expect(sniffFileType(bytes("<html>"))).toBeNull();
    expect(sniffFileType(new Uint8Array())).toBeNull();
  });

  it("maps to checklist type names", () => {
    expect(documentTypeOf("application/pdf")).toBe("pdf");
    expect(documentTypeOf("xlsx")).toBe("xlsx");
  });
});

describe("sanitizeFilename", () => {
  it("drops paths, control and reserved characters, and leading dots", () => {
    expect(sanitizeFilename("../../etc/passwd")).toBe("passwd");
    expect(sanitizeFilename("C:\\Users\\Budi\\Akta Notaris.pdf")).toBe("Akta Notaris.pdf");
    expect(sanitizeFilename("surat\u0000tugas\n.pdf")).toBe("surattugas.pdf");
    expect(sanitizeFilename('a<b>c:"d|e?f*.pdf')).toBe("abcdef.pdf");
    expect(sanitizeFilename(".htaccess")).toBe("htaccess");
    expect(sanitizeFilename("   ")).toBe("dokumen");
  });

  it("keeps the extension when shortening long names", () => {
    const long = `${"laporan-kegiatan-".repeat(20)}.xlsx`;
    const safe = sanitizeFilename(long);
    expect(safe.length).toBeLessThanOrEqual(120);
    expect(safe.endsWith(".xlsx")).toBe(true);
  });

  it("always yields a short name without path separators or control characters (property)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (name) => {
        const safe = sanitizeFilename(name);
        expect(safe.length).toBeGreaterThan(0);
        expect([...safe].length).toBeLessThanOrEqual(120);
        // biome-ignore lint/suspicious/noControlCharactersInRegex: the test checks that none is left
        expect(safe).not.toMatch(/[\\/\u0000-\u001f\u007f]/);
        expect(safe.startsWith(".")).toBe(false);
      }),
    );
  });

  it("strips bidirectional controls, which make a name display as something else", () => {
    expect(sanitizeFilename("laporan\u202Efdp.exe")).toBe("laporanfdp.exe");
    expect(sanitizeFilename("\u2067foto\u2069\u200F.jpg")).toBe("foto.jpg");
    expect(sanitizeFilename("data\u0085.pdf")).toBe("data.pdf");
  });
});

describe("filenameForType", () => {
  it("gives the file the extension of its detected type", () => {
    expect(filenameForType("laporan.html", "pdf")).toBe("laporan.pdf");
    expect(filenameForType("laporan\u202Efdp.exe", "pdf")).toBe("laporanfdp.pdf");
    expect(filenameForType("Laporan Keuangan Rev.2", "pdf")).toBe("Laporan Keuangan Rev.2.pdf");
    expect(filenameForType("foto", "jpeg")).toBe("foto.jpg");
    expect(filenameForType("", "xlsx", "surat")).toBe("surat.xlsx");
  });

  it("keeps an extension that already fits, in any case", () => {
    expect(filenameForType("Akta.PDF", "pdf")).toBe("Akta.PDF");
    expect(filenameForType("kegiatan.jpeg", "jpeg")).toBe("kegiatan.jpeg");
    expect(filenameForType("rumah.HEIF", "heic")).toBe("rumah.HEIF");
  });

  it("always ends in one of the type's extensions and stays within 120 characters (property)", () => {
    const types = ["pdf", "jpeg", "png", "webp", "heic", "docx", "xlsx"] as const;
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.constantFrom(...types), (name, type) => {
        const safe = filenameForType(name, type);
        expect([...safe].length).toBeLessThanOrEqual(120);
        // biome-ignore lint/suspicious/noControlCharactersInRegex: the test checks that none is left
        expect(safe).not.toMatch(/[\u0000-\u001f\u202a-\u202e\u2066-\u2069]/);
        expect(safe.split(".").at(-1)!.toLowerCase()).toMatch(/^(pdf|jpg|jpeg|jfif|png|webp|heic|heif|docx|xlsx)$/);
        if (type === "pdf") expect(safe.toLowerCase().endsWith(".pdf")).toBe(true);
      }),
    );
  });
});
