/**
 * Indonesia's 38 provinces as a tile-grid cartogram: one equal square per province, placed by hand
 * so that west is left, north is up and neighbours stay next to each other (Sumatra down the left,
 * Java and Nusa Tenggara along the bottom, Kalimantan, Sulawesi and Maluku in the middle, Papua's
 * six provinces on the right). Equal tiles give small provinces the same weight as large ones, need
 * no boundary data (and no licence question), and draw as a few SVG rectangles. Keys are the
 * Kemendagri province codes of the regions table.
 *
 * ```
 *      0      1      2      3      4      5      6      7      8      9      10     11     12     13
 * 0  ACEH                                       KALTARA
 * 1  SUMUT  RIAU   KEPRI                 KALBAR KALTIM        GORONT SULUT  MALUT  PBD    PB     PAPUA
 * 2  SUMBAR JAMBI  BABEL                 KALTNG KALSEL SULBAR SULTNG        MALUKU        PTENG  PPEG
 * 3  BENGKL SUMSEL LAMPNG                              SULSEL SULTRA                            PSEL
 * 4                BANTEN DKI    JABAR  JATENG JATIM  BALI   NTB    NTT
 * 5                                     DIY
 * ```
 */
export interface Tile {
  row: number;
  col: number;
  /** A short label that fits a tile (the full name comes from the regions data). */
  abbr: string;
}

export const PROVINCE_TILES: Readonly<Record<string, Tile>> = Object.freeze({
  "11": { row: 0, col: 0, abbr: "ACEH" },
  "12": { row: 1, col: 0, abbr: "SUMUT" },
  "14": { row: 1, col: 1, abbr: "RIAU" },
  "21": { row: 1, col: 2, abbr: "KEPRI" },
  "13": { row: 2, col: 0, abbr: "SUMBAR" },
  "15": { row: 2, col: 1, abbr: "JAMBI" },
  "19": { row: 2, col: 2, abbr: "BABEL" },
  "17": { row: 3, col: 0, abbr: "BKL" },
  "16": { row: 3, col: 1, abbr: "SUMSEL" },
  "18": { row: 3, col: 2, abbr: "LPG" },
  "36": { row: 4, col: 2, abbr: "BANTEN" },
  "31": { row: 4, col: 3, abbr: "DKI" },
  "32": { row: 4, col: 4, abbr: "JABAR" },
  "33": { row: 4, col: 5, abbr: "JATENG" },
  "34": { row: 5, col: 5, abbr: "DIY" },
  "35": { row: 4, col: 6, abbr: "JATIM" },
  "51": { row: 4, col: 7, abbr: "BALI" },
  "52": { row: 4, col: 8, abbr: "NTB" },
  "53": { row: 4, col: 9, abbr: "NTT" },
  "65": { row: 0, col: 6, abbr: "KALTARA" },
  "61": { row: 1, col: 5, abbr: "KALBAR" },
  "64": { row: 1, col: 6, abbr: "KALTIM" },
  "62": { row: 2, col: 5, abbr: "KALTENG" },
  "63": { row: 2, col: 6, abbr: "KALSEL" },
  "75": { row: 1, col: 8, abbr: "GTLO" },
  "71": { row: 1, col: 9, abbr: "SULUT" },
  "76": { row: 2, col: 7, abbr: "SULBAR" },
  "72": { row: 2, col: 8, abbr: "SULTENG" },
  "73": { row: 3, col: 7, abbr: "SULSEL" },
  "74": { row: 3, col: 8, abbr: "SULTRA" },
  "82": { row: 1, col: 10, abbr: "MALUT" },
  "81": { row: 2, col: 10, abbr: "MALUKU" },
  "96": { row: 1, col: 11, abbr: "PBD" },
  "92": { row: 1, col: 12, abbr: "PABAR" },
  "91": { row: 1, col: 13, abbr: "PAPUA" },
  "94": { row: 2, col: 12, abbr: "PATENG" },
  "95": { row: 2, col: 13, abbr: "PAPEG" },
  "93": { row: 3, col: 13, abbr: "PASEL" },
});

/** The grid's size, for the SVG's view box. */
export const CARTOGRAM_SIZE = Object.freeze({
  rows: Math.max(...Object.values(PROVINCE_TILES).map((t) => t.row)) + 1,
  cols: Math.max(...Object.values(PROVINCE_TILES).map((t) => t.col)) + 1,
});
