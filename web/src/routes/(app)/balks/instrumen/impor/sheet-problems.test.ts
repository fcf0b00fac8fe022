import { describe, expect, it } from "vitest";
import { sheetProblems } from "./sheet-problems.ts";

describe("sheetProblems", () => {
  it("splits the API's cell paths into sheet, row and column and keeps the message after its location", () => {
    const rows = sheetProblems([
      {
        path: "Indikator!A5",
        message:
          "lembar Indikator, baris 5, kolom A (kode): Kode 1.1.1 dipakai dua kali / sheet Indikator, row 5, column A (kode): Code 1.1.1 is used twice",
      },
      { path: "Rubrik", message: "lembar Rubrik: Lembar tidak ada / sheet Rubrik: The sheet is missing" },
      { path: "Standar!7", message: "lembar Standar, baris 7: Baris kosong / sheet Standar, row 7: Empty row" },
      { path: "file", message: "Berkas CSV harus UTF-8 / The CSV file must be UTF-8" },
    ]);
    expect(rows).toEqual([
      { sheet: "Indikator", row: 5, column: "A", message: "Kode 1.1.1 dipakai dua kali" },
      { sheet: "Rubrik", row: null, column: null, message: "Lembar tidak ada" },
      { sheet: "Standar", row: 7, column: null, message: "Baris kosong" },
      { sheet: null, row: null, column: null, message: "Berkas CSV harus UTF-8" },
    ]);
  });
});
