import type { ExportCell, ExportColumn } from "../worker/src/lib/export/table.ts";

/** The columns of an LKS list export, the shape the reports' "list behind a figure" exports. */
export const BENCH_EXPORT_COLUMNS: ExportColumn[] = [
  { header: "Nama LKS", kind: "text", width: 40 },
  { header: "Jenis", kind: "text" },
  { header: "Provinsi", kind: "text" },
  { header: "Kabupaten/kota", kind: "text" },
  { header: "Status", kind: "text" },
  { header: "Peringkat", kind: "text" },
  { header: "Kapasitas", kind: "number" },
  { header: "Klien", kind: "number" },
  { header: "Berlaku sampai", kind: "date" },
  { header: "Diperbarui", kind: "datetime" },
];

/** `count` made-up LKS rows, produced one at a time as a reader of D1 pages would hand them over. */
export async function* benchExportRows(count: number): AsyncGenerator<ExportCell[]> {
  const grades = ["A", "B", "C", ""];
  for (let i = 1; i <= count; i++) {
    // A D1 page is an await every 500 rows.
    if (i % 500 === 0) await Promise.resolve();
    yield [
      `Panti Asuhan Harapan Bangsa ${i}`,
      "LKS Anak (panti asuhan)",
      "Jawa Barat",
      `Kabupaten Contoh ${i % 27}`,
      "Terakreditasi",
      grades[i % 4] ?? "",
      20 + (i % 80),
      10 + (i % 70),
      `20${27 + (i % 4)}-0${1 + (i % 9)}-1${i % 10}`,
      new Date(Date.UTC(2026, 10, 1 + (i % 28), i % 24)),
    ];
  }
}
