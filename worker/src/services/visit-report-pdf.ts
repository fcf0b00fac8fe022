import { JAKARTA_OFFSET_MS, type Bilingual, type Grade } from "@akrab/domain";
import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from "pdf-lib";
import { winAnsi, wrap } from "../lib/pdf.ts";

const TITLE = { id: "Laporan Visitasi Akreditasi LKS", en: "LKS accreditation visit report" };

/**
 * Everything the visit report shows, already decided: the reconciled levels, the score and grade
 * the domain's rules gave, the signatures. The PDF only lays it out, so the same report can be
 * rebuilt from the records at any time and says exactly what the screens say.
 */
export interface VisitReportInput {
  application: { id: string; lksName: string; tenantName: string };
  instrument: { id: string; name: Bilingual };
  /** In the order of the sheets; `levels` of each indicator follow the same order. */
  team: { name: string; role: "lead" | "member"; signedAt: string | null }[];
  /**
   * Whether each asesor's blind levels are printed beside the reconciled one: for the team and
   * BALKS; the Dinsos and the LKS never see the individual sheets (domain `maySeeScores`).
   */
  blindLevelsShown: boolean;
  /** YYYY-MM-DD dates of the visit; empty when none is recorded. */
  visitDates: string[];
  /** Who accompanied the team (the Dinsos's staff, a BBPPKS companion). */
  companions: { name: string; position: string }[];
  standards: {
    code: string;
    name: Bilingual;
    score: number | null;
    indicators: {
      code: string;
      text: Bilingual;
      /** Each team member's blind level, in `team` order; empty when `blindLevelsShown` is false. */
      levels: (number | null)[];
      reconciled: number | null;
      /** Settled by the team by hand (a flagged difference), not by the rule. */
      flagged: boolean;
    }[];
  }[];
  result: {
    total: number | null;
    grade: Grade | null;
    label: Bilingual;
    validityYears: number | null;
    reasons: { blocking: boolean; text: Bilingual }[];
  };
  findings: { indicator: string; kind: Bilingual }[];
  strengths: string;
  recommendations: string;
  configurableDefault: Bilingual;
  generatedAt: string;
}

const PAGE: [number, number] = [595, 842]; // A4 portrait
const MARGIN = 40;
const WIDTH = PAGE[0] - 2 * MARGIN;
const BLACK = rgb(0, 0, 0);
const GREY = rgb(0.35, 0.35, 0.35);
const RED = rgb(0.6, 0.05, 0.05);

/** An instant as people read it on a Jakarta report: `2026-12-05 14:03 WIB`. */
export function jakartaTime(iso: string): string {
  const at = new Date(Date.parse(iso) + JAKARTA_OFFSET_MS).toISOString();
  return `${at.slice(0, 10)} ${at.slice(11, 16)} WIB`;
}

const decimal = (n: number | null) => (n === null ? "—" : String(n).replace(".", ","));
const level = (n: number | null) => (n === null ? "—" : String(n));

/** The visit report as a PDF (A4 portrait), Bahasa Indonesia first and English second. */
export async function visitReportPdf(report: VisitReportInput): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(`${TITLE.id} — ${report.application.lksName}`);
  pdf.setSubject(`${report.instrument.id} / ${report.application.id}`);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  let page: PDFPage = pdf.addPage(PAGE);
  let y = PAGE[1] - MARGIN;

  const room = (height: number) => {
    if (y - height >= MARGIN + 14) return;
    page = pdf.addPage(PAGE);
    y = PAGE[1] - MARGIN;
  };
  const draw = (value: string, x: number, size: number, f: PDFFont, color = BLACK) =>
    page.drawText(winAnsi(value), { x, y: y - size, size, font: f, color });
  /** A paragraph, wrapped and broken across pages. */
  const para = (value: string, options: { size?: number; f?: PDFFont; color?: typeof BLACK; indent?: number } = {}) => {
    const { size = 9, f = font, color = BLACK, indent = 0 } = options;
    for (const line of wrap(value, f, size, WIDTH - indent)) {
      room(size + 3);
      draw(line, MARGIN + indent, size, f, color);
      y -= size + 3;
    }
  };
  const heading = (title: Bilingual) => {
    room(40);
    y -= 8;
    para(`${title.id} / ${title.en}`, { size: 11, f: bold });
    page.drawLine({ start: { x: MARGIN, y: y + 1 }, end: { x: PAGE[0] - MARGIN, y: y + 1 }, thickness: 0.6 });
    y -= 4;
  };
  const bilingual = (text: Bilingual, indent = 0) => {
    para(text.id, { indent });
    para(text.en, { size: 8, color: GREY, indent });
  };

  para(`${TITLE.id} / ${TITLE.en}`, { size: 15, f: bold });
  para(`${report.application.lksName} — ${report.application.tenantName}`, { size: 11 });
  para(`${report.instrument.name.id} (${report.instrument.id})`, { size: 8, color: GREY });
  para(`Permohonan / Application ${report.application.id}`, { size: 8, color: GREY });

  heading({ id: "Tim asesor", en: "Asesor team" });
  for (const member of report.team)
    para(`${member.name} — ${member.role === "lead" ? "Ketua / Lead" : "Anggota / Member"}`);

  heading({ id: "Visitasi", en: "Visit" });
  para(
    `Tanggal / Dates: ${report.visitDates.length > 0 ? report.visitDates.join(", ") : "belum tercatat / not recorded"}`,
  );
  if (report.companions.length === 0) para("Pendamping / Companions: belum tercatat / not recorded");
  else {
    para("Pendamping / Companions:");
    for (const companion of report.companions) para(`• ${companion.name}, ${companion.position}`, { indent: 10 });
  }

  heading({ id: "Nilai hasil rekonsiliasi per standar", en: "Reconciled scores per standard" });
  const who = report.blindLevelsShown ? `${report.team.map((m, i) => `A${i + 1} = ${m.name}`).join("; ")}. ` : "";
  para(`${who}R = nilai rekonsiliasi / reconciled level; * = diselesaikan tim / settled by the team.`, {
    size: 8,
    color: GREY,
  });
  const columns = { code: MARGIN, text: MARGIN + 44, levels: MARGIN + 330 };
  for (const standard of report.standards) {
    room(36);
    y -= 4;
    para(
      `Standar ${standard.code} ${standard.name.id} / Standard ${standard.code} ${standard.name.en}: ${decimal(standard.score)}`,
      { size: 10, f: bold },
    );
    for (const row of standard.indicators) {
      const textLines = wrap(row.text.id, font, 8, columns.levels - columns.text - 6);
      const height = textLines.length * 10 + 2;
      room(height);
      draw(row.code, columns.code, 8, font);
      textLines.forEach((line, i) => {
        page.drawText(line, { x: columns.text, y: y - 8 - i * 10, size: 8, font, color: BLACK });
      });
      const blind = row.levels.map((l, i) => `A${i + 1} ${level(l)}`).join("  ");
      draw(
        `${blind}   R ${level(row.reconciled)}${row.flagged ? " *" : ""}`,
        columns.levels,
        8,
        row.flagged ? bold : font,
      );
      y -= height;
    }
  }

  heading({ id: "Hasil perhitungan", en: "Computed result" });
  para(
    `Nilai akhir / Final score: ${decimal(report.result.total)} — ${report.result.label.id} / ${report.result.label.en}` +
      (report.result.grade
        ? ` (predikat / grade ${report.result.grade}, ${report.result.validityYears} tahun / years)`
        : ""),
    { size: 10, f: bold },
  );
  para("Alasan menurut aturan / Reasons the rules give:", { size: 9 });
  for (const reason of report.result.reasons) {
    para(`• ${reason.text.id}`, { indent: 10, ...(reason.blocking ? { color: RED } : {}) });
    para(reason.text.en, { indent: 18, size: 8, color: GREY });
  }

  heading({ id: "Temuan perlindungan", en: "Safeguarding findings" });
  if (report.findings.length === 0) para("Tidak ada / None");
  for (const finding of report.findings)
    para(`• ${finding.indicator}: ${finding.kind.id} / ${finding.kind.en}`, { color: RED, indent: 10 });

  heading({ id: "Kekuatan", en: "Strengths" });
  para(report.strengths.trim() || "—");
  heading({ id: "Rekomendasi", en: "Recommendations" });
  para(report.recommendations.trim() || "—");

  heading({ id: "Tanda tangan tim", en: "Team signatures" });
  for (const member of report.team) {
    const role = member.role === "lead" ? "Ketua / Lead" : "Anggota / Member";
    const signed = member.signedAt
      ? `ditandatangani / signed ${jakartaTime(member.signedAt)}`
      : "belum ditandatangani / not signed";
    para(`${member.name} (${role}): ${signed}`);
  }

  y -= 8;
  bilingual(report.configurableDefault);
  para(`Dibuat / Generated ${jakartaTime(report.generatedAt)}`, { size: 7, color: GREY });

  const pages = pdf.getPages();
  for (const [i, p] of pages.entries())
    p.drawText(`Halaman ${i + 1} dari ${pages.length} / Page ${i + 1} of ${pages.length}`, {
      x: PAGE[0] - MARGIN - 120,
      y: MARGIN - 16,
      size: 7,
      font,
      color: GREY,
    });
  return pdf.save();
}
