import type { FormulirCView } from "@akrab/contracts";
import type { TenantScope } from "@akrab/db";
import { CONFIGURABLE_DEFAULT_LABEL } from "@akrab/domain";
import { PDFDocument, type PDFPage, rgb, StandardFonts } from "pdf-lib";
import { winAnsi, wrap } from "../lib/pdf.ts";
import type { StoredApplication } from "./applications.ts";
import { instrumentForApplication, selfAssessmentOf } from "./self-assessment.ts";

const TITLE = { id: "Formulir C — Lembar penilaian dokumen", en: "Form C — Document scoring sheet" };

/**
 * Formulir C, the document scoring sheet the asesor fills: per standard and indicator, the LKS's own
 * level and its evidence, beside columns the asesor writes in (issue 12; the asesor issue scores it).
 */
export async function formulirC(scope: TenantScope, app: StoredApplication): Promise<FormulirCView> {
  const { instrument } = await instrumentForApplication(scope, app);
  const { answers, evidence } = await selfAssessmentOf(scope, app.id);
  const level = new Map(answers.map((a) => [a.indicator, a.level]));
  return {
    title: TITLE,
    application: { id: app.id, lksName: app.lksName, tenantName: app.tenantName },
    instrument: { id: instrument.id, name: instrument.name },
    configurableDefault: CONFIGURABLE_DEFAULT_LABEL,
    standards: instrument.standards.map((standard) => ({
      code: standard.code,
      name: standard.name,
      rows: standard.aspects.flatMap((aspect) =>
        aspect.indicators.map((indicator) => ({
          indicator: indicator.code,
          text: indicator.text,
          weight: indicator.weight,
          level: level.get(indicator.code) ?? null,
          levels: indicator.levels,
          evidence: evidence
            .filter((e) => e.indicator === indicator.code)
            .map((e) => ({ filename: e.filename, documentId: e.documentId })),
          expectedEvidence: indicator.evidence.map((e) => e.label),
          onSite: indicator.onSite,
        })),
      ),
    })),
    generatedAt: new Date().toISOString(),
  };
}

const PAGE: [number, number] = [842, 595]; // A4 landscape
const MARGIN = 28;
const COLUMNS = [
  { key: "code", title: "Kode\nCode", width: 44 },
  { key: "text", title: "Indikator\nIndicator", width: 270 },
  { key: "weight", title: "Bobot\nWeight", width: 40 },
  { key: "level", title: "Tingkat LKS\nLKS level", width: 56 },
  { key: "evidence", title: "Bukti (Formulir B)\nEvidence", width: 170 },
  { key: "score", title: "Nilai asesor\nAssessor score", width: 70 },
  { key: "note", title: "Catatan asesor\nAssessor note", width: 136 },
] as const;

/** The same sheet as a PDF to print or fill, Bahasa Indonesia first and English second. */
export async function formulirCPdf(view: FormulirCView): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`${TITLE.id} — ${view.application.lksName}`);
  pdf.setSubject(`${view.instrument.id} / ${view.application.id}`);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const grey = rgb(0.35, 0.35, 0.35);
  let page: PDFPage = pdf.addPage(PAGE);
  let y = PAGE[1] - MARGIN;

  const text = (value: string, x: number, at: number, size = 8, f = font, color = rgb(0, 0, 0)) =>
    page.drawText(winAnsi(value), { x, y: at, size, font: f, color });
  const header = () => {
    text(`${TITLE.id} / ${TITLE.en}`, MARGIN, y - 12, 13, bold);
    text(`${view.application.lksName} — ${view.application.tenantName}`, MARGIN, y - 28, 10);
    text(`${view.instrument.name.id} (${view.instrument.id})`, MARGIN, y - 41, 8, font, grey);
    y -= 52;
    let x = MARGIN;
    for (const column of COLUMNS) {
      const [id, en] = column.title.split("\n");
      text(id ?? "", x + 2, y - 9, 8, bold);
      text(en ?? "", x + 2, y - 18, 7, font, grey);
      x += column.width;
    }
    y -= 22;
    page.drawLine({ start: { x: MARGIN, y }, end: { x: PAGE[0] - MARGIN, y }, thickness: 0.8 });
  };
  const room = (height: number) => {
    if (y - height >= MARGIN + 14) return;
    page = pdf.addPage(PAGE);
    y = PAGE[1] - MARGIN;
    header();
  };
  header();

  for (const standard of view.standards) {
    room(34);
    text(
      `Standar ${standard.code} ${standard.name.id} / Standard ${standard.code} ${standard.name.en}`,
      MARGIN,
      y - 13,
      10,
      bold,
    );
    y -= 18;
    for (const row of standard.rows) {
      const cells: Record<(typeof COLUMNS)[number]["key"], { lines: string[]; grey?: number }> = {
        code: { lines: [row.indicator] },
        text: {
          lines: [
            ...wrap(row.text.id, font, 8, 266),
            ...wrap(row.text.en, font, 7, 266),
            ...(row.onSite ? ["[Dilihat di lokasi / Seen on site]"] : []),
          ],
          grey: wrap(row.text.id, font, 8, 266).length,
        },
        weight: { lines: [String(row.weight)] },
        level: { lines: [row.level === null ? "—" : String(row.level)] },
        evidence: {
          lines:
            row.evidence.length > 0
              ? row.evidence.flatMap((e) => wrap(`• ${e.filename}`, font, 7, 166))
              : row.expectedEvidence.flatMap((e) => wrap(`(belum ada / none: ${e.id})`, font, 7, 166)),
        },
        score: { lines: [""] },
        note: { lines: [""] },
      };
      const height = Math.max(24, ...Object.values(cells).map((cell) => cell.lines.length * 9 + 6));
      room(height);
      let x = MARGIN;
      for (const column of COLUMNS) {
        const cell = cells[column.key];
        cell.lines.forEach((line, i) => {
          const secondary = cell.grey !== undefined && i >= cell.grey;
          text(line, x + 2, y - 9 - i * 9, secondary ? 7 : 8, font, secondary ? grey : rgb(0, 0, 0));
        });
        x += column.width;
        page.drawLine({ start: { x, y }, end: { x, y: y - height }, thickness: 0.3, color: grey });
      }
      y -= height;
      page.drawLine({ start: { x: MARGIN, y }, end: { x: PAGE[0] - MARGIN, y }, thickness: 0.3, color: grey });
    }
  }
  const footnote = wrap(
    `${view.configurableDefault.id} / ${view.configurableDefault.en}`,
    font,
    6.5,
    PAGE[0] - 2 * MARGIN,
  );
  room(footnote.length * 8 + 8);
  for (const [i, line] of footnote.entries()) text(line, MARGIN, y - 12 - i * 8, 6.5, font, grey);
  const pages = pdf.getPages();
  for (const [i, p] of pages.entries())
    p.drawText(`Halaman ${i + 1} dari ${pages.length} / Page ${i + 1} of ${pages.length}`, {
      x: PAGE[0] - MARGIN - 120,
      y: MARGIN - 12,
      size: 7,
      font,
      color: grey,
    });
  return pdf.save();
}
