import { CONFIGURABLE_DEFAULT_LABEL } from "@akrab/domain";
import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { pdfText } from "../../../tests/worker/pdf-text.ts";
import { jakartaTime, type VisitReportInput, visitReportPdf } from "./visit-report-pdf.ts";

const indicator = (code: string, levels: (number | null)[], reconciled: number | null, flagged = false) => ({
  code,
  text: { id: `Indikator ${code} tentang pengasuhan`, en: `Indicator ${code} on care` },
  levels,
  reconciled,
  flagged,
});

const REPORT: VisitReportInput = {
  application: { id: "app-1", lksName: "Panti Asuhan Kasih Bunda", tenantName: "Kota Tangerang" },
  instrument: { id: "lksa-2025-1", name: { id: "Instrumen LKSA 2025", en: "LKSA instrument 2025" } },
  team: [
    { name: "Dr. Sri Wahyuni", role: "lead", signedAt: "2026-12-05T07:30:00.000Z" },
    { name: "Bambang Prasetyo", role: "member", signedAt: "2026-12-05T08:05:00.000Z" },
  ],
  blindLevelsShown: true,
  visitDates: ["2026-12-03", "2026-12-04"],
  companions: [{ name: "Rina Marlina", position: "Pekerja sosial Dinsos Kota Tangerang" }],
  standards: [
    {
      code: "1",
      name: { id: "Program pelayanan", en: "Service programme" },
      score: 81.25,
      indicators: [indicator("1.1.1", [3, 4], 3), indicator("1.1.2", [1, 4], 3, true)],
    },
    // Enough rows to need a second page: the page break must keep every row.
    ...Array.from({ length: 5 }, (_, s) => ({
      code: String(s + 2),
      name: { id: `Standar ${s + 2}`, en: `Standard ${s + 2}` },
      score: 75,
      indicators: Array.from({ length: 14 }, (_, i) => indicator(`${s + 2}.1.${i + 1}`, [3, 3], 3)),
    })),
  ],
  result: {
    total: 77.5,
    grade: "B",
    label: { id: "Baik", en: "Good" },
    validityYears: 3,
    reasons: [{ blocking: false, text: { id: "Nilai akhir 77,5: predikat B Baik", en: "Final score 77.5: grade B" } }],
  },
  findings: [{ indicator: "2.1.3", kind: { id: "perundungan", en: "bullying" } }],
  strengths: "Pengasuh mengenal setiap anak dan catatan kasusnya rapi.",
  recommendations: "Lengkapi prosedur pengaduan anak dan latih pengasuh baru.",
  configurableDefault: CONFIGURABLE_DEFAULT_LABEL,
  generatedAt: "2026-12-05T09:00:00.000Z",
};

describe("visit report PDF", () => {
  it("holds the team, visit, reconciled scores, result, findings, strengths, recommendations and both signatures", async () => {
    const pdf = await PDFDocument.load(await visitReportPdf(REPORT));
    expect(pdf.getPageCount()).toBeGreaterThan(1);
    expect(pdf.getTitle()).toContain("Panti Asuhan Kasih Bunda");
    const text = pdfText(pdf);
    for (const expected of [
      "Laporan Visitasi Akreditasi LKS",
      "Panti Asuhan Kasih Bunda — Kota Tangerang",
      "Dr. Sri Wahyuni — Ketua / Lead",
      "Bambang Prasetyo — Anggota / Member",
      "Tanggal / Dates: 2026-12-03, 2026-12-04",
      "Rina Marlina, Pekerja sosial Dinsos Kota Tangerang",
      "Standar 1 Program pelayanan / Standard 1 Service programme: 81,25",
      "A1 1  A2 4   R 3 *",
      "6.1.14",
      "Nilai akhir / Final score: 77,5 — Baik / Good (predikat / grade B, 3 tahun / years)",
      "Nilai akhir 77,5: predikat B Baik",
      "2.1.3: perundungan / bullying",
      "Pengasuh mengenal setiap anak",
      "Lengkapi prosedur pengaduan anak",
      "Dr. Sri Wahyuni (Ketua / Lead): ditandatangani / signed 2026-12-05 14:30 WIB",
      "Bambang Prasetyo (Anggota / Member): ditandatangani / signed 2026-12-05 15:05 WIB",
      CONFIGURABLE_DEFAULT_LABEL.id.slice(0, 40),
    ])
      expect(text).toContain(expected);
  });

  it("says what is not recorded instead of leaving it out", async () => {
    const text = pdfText(
      await PDFDocument.load(
        await visitReportPdf({
          ...REPORT,
          visitDates: [],
          companions: [],
          findings: [],
          team: REPORT.team.map((m) => ({ ...m, signedAt: null })),
        }),
      ),
    );
    expect(text).toContain("Tanggal / Dates: belum tercatat / not recorded");
    expect(text).toContain("Pendamping / Companions: belum tercatat / not recorded");
    expect(text).toContain("Tidak ada / None");
    expect(text).toContain("Dr. Sri Wahyuni (Ketua / Lead): belum ditandatangani / not signed");
  });

  it("prints only the reconciled levels for readers who may not see the blind sheets", async () => {
    const text = pdfText(
      await PDFDocument.load(
        await visitReportPdf({
          ...REPORT,
          blindLevelsShown: false,
          standards: REPORT.standards.map((s) => ({
            ...s,
            indicators: s.indicators.map((i) => ({ ...i, levels: [] })),
          })),
        }),
      ),
    );
    expect(text).toContain("R 3 *");
    expect(text).not.toContain("A1 = Dr. Sri Wahyuni");
    expect(text).not.toMatch(/A1 \d/);
  });

  it("shows instants in Jakarta time", () => {
    expect(jakartaTime("2026-12-31T20:15:00.000Z")).toBe("2027-01-01 03:15 WIB");
  });
});
