import { describe, expect, it } from "vitest";
import { CARTOGRAM_SIZE, PROVINCE_TILES } from "./cartogram.ts";

/** Provinces that share a land border or face each other across a narrow strait, as a map shows them. */
const NEIGHBOURS: [string, string][] = [
  ["11", "12"], // Aceh – Sumatera Utara
  ["12", "14"], // Sumut – Riau
  ["12", "13"], // Sumut – Sumbar
  ["13", "14"], // Sumbar – Riau
  ["13", "15"], // Sumbar – Jambi
  ["13", "17"], // Sumbar – Bengkulu
  ["14", "15"], // Riau – Jambi
  ["14", "21"], // Riau – Kepri
  ["15", "16"], // Jambi – Sumsel
  ["16", "17"], // Sumsel – Bengkulu
  ["16", "18"], // Sumsel – Lampung
  ["16", "19"], // Sumsel – Babel
  ["18", "36"], // Lampung – Banten (Sunda Strait)
  ["36", "31"], // Banten – DKI
  ["31", "32"], // DKI – Jabar
  ["32", "33"], // Jabar – Jateng
  ["33", "34"], // Jateng – DIY
  ["33", "35"], // Jateng – Jatim
  ["35", "51"], // Jatim – Bali
  ["51", "52"], // Bali – NTB
  ["52", "53"], // NTB – NTT
  ["61", "62"], // Kalbar – Kalteng
  ["61", "64"], // Kalbar – Kaltim
  ["62", "63"], // Kalteng – Kalsel
  ["62", "64"], // Kalteng – Kaltim
  ["63", "64"], // Kalsel – Kaltim
  ["64", "65"], // Kaltim – Kaltara
  ["71", "75"], // Sulut – Gorontalo
  ["75", "72"], // Gorontalo – Sulteng
  ["72", "76"], // Sulteng – Sulbar
  ["72", "73"], // Sulteng – Sulsel
  ["72", "74"], // Sulteng – Sultra
  ["73", "76"], // Sulsel – Sulbar
  ["73", "74"], // Sulsel – Sultra
  ["81", "82"], // Maluku – Maluku Utara
  ["96", "92"], // Papua Barat Daya – Papua Barat
  ["92", "94"], // Papua Barat – Papua Tengah
  ["94", "95"], // Papua Tengah – Papua Pegunungan
  ["94", "91"], // Papua Tengah – Papua
  ["95", "91"], // Papua Pegunungan – Papua
  ["95", "93"], // Papua Pegunungan – Papua Selatan
  ["94", "93"], // Papua Tengah – Papua Selatan
];

describe("the province tile-grid cartogram", () => {
  // That the codes are exactly the regions table's provinces is checked against D1 in tests/worker/national-dataset.test.ts.
  it("has 38 tiles, each a two-digit province code", () => {
    expect(Object.keys(PROVINCE_TILES)).toHaveLength(38);
    for (const code of Object.keys(PROVINCE_TILES)) expect(code).toMatch(/^\d{2}$/);
  });

  it("puts no two provinces on the same tile, and every tile inside the grid", () => {
    const places = Object.values(PROVINCE_TILES).map((t) => `${t.row},${t.col}`);
    expect(new Set(places).size).toBe(38);
    for (const t of Object.values(PROVINCE_TILES)) {
      expect(t.row).toBeLessThan(CARTOGRAM_SIZE.rows);
      expect(t.col).toBeLessThan(CARTOGRAM_SIZE.cols);
    }
    expect(new Set(Object.values(PROVINCE_TILES).map((t) => t.abbr)).size).toBe(38);
  });

  it("keeps neighbours touching, by a side or a corner", () => {
    const apart = NEIGHBOURS.filter(([a, b]) => {
      const ta = PROVINCE_TILES[a]!;
      const tb = PROVINCE_TILES[b]!;
      return Math.max(Math.abs(ta.row - tb.row), Math.abs(ta.col - tb.col)) !== 1;
    });
    expect(apart).toEqual([]);
  });

  it("keeps west to the left and east to the right, island group by island group", () => {
    const col = (code: string) => PROVINCE_TILES[code]!.col;
    const maxSumatra = Math.max(...["11", "12", "13", "14", "15", "16", "17", "18", "19", "21"].map(col));
    const minPapua = Math.min(...["91", "92", "93", "94", "95", "96"].map(col));
    const sulawesi = ["71", "72", "73", "74", "75", "76"].map(col);
    expect(maxSumatra).toBeLessThan(Math.min(...["61", "62", "63", "64", "65"].map(col)));
    expect(Math.max(...sulawesi)).toBeLessThan(minPapua);
    expect(col("81")).toBeLessThan(minPapua);
  });
});
