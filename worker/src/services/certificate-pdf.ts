import { encodeQR } from "@paulmillr/qr";
import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from "pdf-lib";

/** What the certificate prints (the facts as issued; the number and signed payload are final here). */
export interface CertificatePrint {
  number: string;
  lksName: string;
  lksLegalName: string | null;
  lksAddress: string | null;
  kabKotaName: string;
  provinceName: string;
  lksTypes: string[];
  grade: "A" | "B" | "C";
  gradeLabel: { id: string; en: string };
  decidedOn: string;
  validFrom: string;
  validUntil: string;
  instrumentLabel: string;
  regulation: string;
  signerName: string;
  signerPosition: string;
  issuedOn: string;
  /** What the QR code holds: the verification page's URL with the signed payload after `#`. */
  qrText: string;
  verifyUrl: string;
}

/** The size of one QR module in points (a 61-module code is then 134 pt, about 4.7 cm: a phone reads it from a print). */
export const QR_MODULE_PT = 2.2;

const MONTHS = [
  "Januari",
  "Februari",
  "Maret",
  "April",
  "Mei",
  "Juni",
  "Juli",
  "Agustus",
  "September",
  "Oktober",
  "November",
  "Desember",
];
const MONTHS_EN = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** "5 Desember 2026" (and "5 December 2026"). */
export function longDate(date: string, lang: "id" | "en" = "id"): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return `${d} ${(lang === "id" ? MONTHS : MONTHS_EN)[m - 1]} ${y}`;
}

/** The standard fonts speak WinAnsi only: anything else becomes "?" rather than failing the PDF. */
function winAnsi(text: string): string {
  return text.replace(/[^\u0020-\u007e\u00a0-\u00ff\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026]/g, "?");
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const INK = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.35, 0.35, 0.4);
const ACCENT = rgb(0.05, 0.33, 0.45);

/**
 * The certificate as an A4 PDF: Bahasa Indonesia with an English line under each heading, the
 * facts, the signer, and a QR code drawn as vector squares (sharp at any print size, no image
 * codec needed in the Worker). The QR is the only signature today: it is an uncertified electronic
 * signature. A BSrE-certified PAdES signature, when BALKS has one, is added to these bytes here
 * before they are stored (see services/certificate-keys.ts for the seam).
 */
export async function certificatePdf(print: CertificatePrint): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`Sertifikat Akreditasi ${print.number}`);
  pdf.setSubject(`${print.lksName} — ${print.grade}`);
  pdf.setAuthor("BALKS — Badan Akreditasi Lembaga Kesejahteraan Sosial");
  pdf.setCreator("Akrab");
  pdf.setLanguage("id-ID");
  const page = pdf.addPage(A4);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const italic = await pdf.embedFont(StandardFonts.HelveticaOblique);
  const [width, height] = A4;

  const centre = (text: string, y: number, size: number, font: PDFFont, color = INK) => {
    const safe = winAnsi(text);
    const w = font.widthOfTextAtSize(safe, size);
    page.drawText(safe, { x: (width - w) / 2, y, size, font, color });
  };
  page.drawRectangle({ x: 24, y: 24, width: width - 48, height: height - 48, borderColor: ACCENT, borderWidth: 2 });

  let y = height - 96;
  /** The next centred line, `gap` points below the last. */
  const below = (gap: number, text: string, size: number, font: PDFFont, color = INK) => {
    y -= gap;
    centre(text, y, size, font, color);
  };
  centre("BADAN AKREDITASI LEMBAGA KESEJAHTERAAN SOSIAL", y, 12, bold, ACCENT);
  below(15, "National Accreditation Board for Social Welfare Institutions (BALKS)", 9, italic, MUTED);
  below(44, "SERTIFIKAT AKREDITASI", 26, bold);
  below(18, "Accreditation Certificate", 11, italic, MUTED);
  below(30, `Nomor / No. ${print.number}`, 12, bold);

  below(40, "Diberikan kepada / Awarded to", 10, regular, MUTED);
  below(28, print.lksName, fitSize(print.lksName, bold, 22, width - 2 * MARGIN), bold);
  if (print.lksLegalName) below(16, print.lksLegalName, 10, regular);
  if (print.lksAddress) below(14, print.lksAddress, 9, regular, MUTED);
  below(14, `${print.kabKotaName}, ${print.provinceName}`, 10, regular);
  below(14, `Jenis / Type: ${print.lksTypes.join(", ")}`, 9, regular, MUTED);

  below(36, "dinyatakan terakreditasi dengan peringkat", 11, regular);
  below(13, "is accredited with the grade", 9, italic, MUTED);
  below(36, `${print.grade} — ${print.gradeLabel.id}`, 28, bold, ACCENT);
  below(16, print.gradeLabel.en, 10, italic, MUTED);

  y -= 34;
  const rows: [string, string, string][] = [
    ["Tanggal keputusan", "Decision date", longDate(print.decidedOn)],
    ["Berlaku sejak", "Valid from", longDate(print.validFrom)],
    ["Berlaku sampai", "Valid until", longDate(print.validUntil)],
    ["Instrumen", "Instrument", print.instrumentLabel],
    ["Dasar hukum", "Regulation", print.regulation],
  ];
  for (const [id, en, value] of rows) {
    page.drawText(winAnsi(id), { x: MARGIN + 30, y, size: 10, font: bold, color: INK });
    page.drawText(winAnsi(en), { x: MARGIN + 30, y: y - 11, size: 8, font: italic, color: MUTED });
    page.drawText(winAnsi(value), { x: MARGIN + 170, y, size: 10, font: regular, color: INK, maxWidth: 300 });
    y -= 28;
  }

  // Signer (left) and QR (right), from the bottom.
  const qrTop = 250;
  page.drawText(winAnsi(`Jakarta, ${longDate(print.issuedOn)}`), {
    x: MARGIN + 10,
    y: qrTop - 10,
    size: 10,
    font: regular,
  });
  page.drawText(winAnsi(print.signerPosition), {
    x: MARGIN + 10,
    y: qrTop - 26,
    size: 9,
    font: regular,
    color: MUTED,
    maxWidth: 260,
    lineHeight: 11,
  });
  page.drawText(winAnsi(print.signerName), { x: MARGIN + 10, y: qrTop - 110, size: 11, font: bold });
  drawQr(page, print.qrText, width - MARGIN - 10, qrTop);
  page.drawText("Pindai untuk memeriksa keaslian", {
    x: width - MARGIN - 200,
    y: 88,
    size: 8,
    font: regular,
    color: MUTED,
  });
  page.drawText("Scan to check it is genuine", { x: width - MARGIN - 200, y: 78, size: 7, font: italic, color: MUTED });

  const note =
    "Keaslian sertifikat ini diperiksa melalui kode QR atau di halaman verifikasi; statusnya (dibekukan, dicabut) hanya terlihat di halaman tersebut.";
  const noteEn =
    "Check this certificate through its QR code or the verification page, which alone shows its live status.";
  page.drawText(winAnsi(note), {
    x: MARGIN,
    y: 56,
    size: 7,
    font: regular,
    color: MUTED,
    maxWidth: width - 2 * MARGIN,
  });
  page.drawText(winAnsi(`${noteEn}  ${print.verifyUrl}`), {
    x: MARGIN,
    y: 40,
    size: 6.5,
    font: italic,
    color: MUTED,
    maxWidth: width - 2 * MARGIN,
  });
  return pdf.save();
}

function fitSize(text: string, font: PDFFont, size: number, max: number): number {
  let s = size;
  while (s > 10 && font.widthOfTextAtSize(winAnsi(text), s) > max) s -= 1;
  return s;
}

/** The QR code's dark modules as squares, the code's top-right corner at (right, top). */
function drawQr(page: PDFPage, text: string, right: number, top: number) {
  const matrix = encodeQR(text, "raw", { ecc: "medium", border: 0 });
  const size = matrix.length * QR_MODULE_PT;
  const left = right - size;
  // A quiet zone of four modules, white, so the code reads on any paper.
  page.drawRectangle({
    x: left - 4 * QR_MODULE_PT,
    y: top - size - 4 * QR_MODULE_PT,
    width: size + 8 * QR_MODULE_PT,
    height: size + 8 * QR_MODULE_PT,
    color: rgb(1, 1, 1),
  });
  matrix.forEach((row, r) => {
    row.forEach((dark, col) => {
      if (dark)
        page.drawRectangle({
          x: left + col * QR_MODULE_PT,
          y: top - (r + 1) * QR_MODULE_PT,
          width: QR_MODULE_PT,
          height: QR_MODULE_PT,
          color: rgb(0, 0, 0),
        });
    });
  });
}
