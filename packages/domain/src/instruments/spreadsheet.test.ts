import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCsv, writeCsv } from "./csv.ts";
import {
  MAX_SHEET_PROBLEMS,
  TEMPLATE_HEADERS,
  csvToSheets,
  instrumentToSheets,
  sheetsToCsv,
  sheetsToInstrument,
  type SheetProblem,
  type Sheets,
} from "./spreadsheet.ts";
import { SMALL, instrumentArb } from "./test-support.ts";
import type { InstrumentVersion } from "./types.ts";

/** SMALL with what the sheets must carry besides: evidence, flags, guidance, a code map, blank rules. */
const rich = (): InstrumentVersion => {
  const inst = structuredClone(SMALL);
  const first = inst.standards[1]!.aspects[0]!.indicators[0]!;
  first.onSite = true;
  first.safeguarding = true;
  first.text = {
    id: 'Anak terlindungi dari perundungan; "zero tolerance"',
    en: "Children are safe from bullying,\nalways",
  };
  first.evidence = [
    { kind: "document", key: "sop_perlindungan", label: { id: "SOP perlindungan anak", en: "Child protection SOP" } },
    { kind: "photo", key: "papan_pengaduan", label: { id: "Papan pengaduan", en: "Complaints board" } },
  ];
  inst.lineage = { from: "uji-0", codes: { "2.1.1": "2.1.4" } };
  inst.gradeRules.blanks = { scoring: "zero", maxForGrade: null };
  return inst;
};
const sheetsOf = (inst: InstrumentVersion): Sheets => structuredClone(instrumentToSheets(inst));
const problemsOf = (sheets: Sheets): SheetProblem[] => {
  const result = sheetsToInstrument(sheets);
  if (result.ok) throw new Error("expected problems");
  return result.problems;
};
const where = (ps: SheetProblem[]) => ps.map((p) => [p.sheet, p.row, p.column, p.header]);

describe("spreadsheet round trip", () => {
  it("reads back what it wrote, through sheets and through one CSV file", () => {
    const inst = rich();
    expect(sheetsToInstrument(sheetsOf(inst))).toEqual({ ok: true, instrument: inst });
    const csv = sheetsToCsv(instrumentToSheets(inst));
    const back = csvToSheets(csv);
    expect(back.ok).toBe(true);
    expect(back.ok && sheetsToInstrument(back.sheets)).toEqual({ ok: true, instrument: inst });
  });

  it("reads back any generated instrument (property)", () => {
    fc.assert(
      fc.property(instrumentArb, (inst) => {
        expect(sheetsToInstrument(sheetsOf(inst))).toEqual({ ok: true, instrument: inst });
      }),
      { numRuns: 50 },
    );
  });

  it("finds columns by header, in any order, and takes Indonesian decimal commas", () => {
    const sheets = sheetsOf(SMALL);
    const reorder = (rows: string[][]) => rows.map((r) => [...r].reverse());
    sheets.Indikator = reorder(sheets.Indikator!);
    sheets.Standar = sheets.Standar!.map((r, i) => (i === 1 ? [r[0]!, r[1]!, r[2]!, "14,5"] : r));
    sheets.Standar[2]![3] = "25,5";
    const result = sheetsToInstrument(sheets);
    expect(result.ok && result.instrument.gradeRules.componentWeights).toMatchObject({ "1": 14.5, "2": 25.5 });
  });

  it("exports the header rows of the template and the configurable-default note", () => {
    const sheets = instrumentToSheets(SMALL);
    for (const [name, header] of Object.entries(TEMPLATE_HEADERS))
      expect(sheets[name as keyof typeof sheets][0]).toEqual(header);
    expect(sheets.Aturan.at(-1)![1]).toMatch(/bukan bobot resmi BALKS .* not the official BALKS weights/);
  });
});

describe("spreadsheet problems, each located", () => {
  it("a missing sheet, a missing column and an unknown one", () => {
    const sheets = sheetsOf(SMALL);
    delete sheets.Predikat;
    sheets.Rubrik = sheets.Rubrik!.map((r) => r.slice(0, 3));
    sheets.Aspek![0]![3] = "warna";
    const ps = problemsOf(sheets);
    expect(where(ps.slice(0, 3))).toEqual([
      ["Aspek", 1, "D", "warna"],
      ["Rubrik", 1, null, "deskriptor_en"],
      ["Predikat", null, null, null],
    ]);
    expect(ps[1]!.message.en).toBe('Column "deskriptor_en" is missing');
  });

  it("a duplicate indicator code, at the second row", () => {
    const sheets = sheetsOf(SMALL);
    sheets.Indikator!.push([...sheets.Indikator![3]!]);
    expect(where(problemsOf(sheets))).toEqual([["Indikator", 14, "A", "kode"]]);
  });

  it("component weights that do not add up to 100", () => {
    const sheets = sheetsOf(SMALL);
    sheets.Standar![2]![3] = "20";
    const ps = problemsOf(sheets);
    expect(where(ps)).toEqual([["Standar", null, "D", "bobot_komponen"]]);
    expect(ps[0]!.message.id).toBe("Jumlah bobot komponen harus 100, bukan 95");
  });

  it("a rubric level without its descriptor, at its row and the empty column", () => {
    const sheets = sheetsOf(SMALL);
    sheets.Rubrik![8]![3] = ""; // 1.1.2 level 2 (rows 2–6 are 1.1.1, 7–11 are 1.1.2)
    const ps = problemsOf(sheets);
    expect(where(ps)).toEqual([["Rubrik", 9, "D", "deskriptor_en"]]);
    expect(ps[0]!.message.en).toBe("Level 2 of indicator 1.1.2 has no descriptor (Indonesian and English)");
  });

  it("non-numeric and out-of-range values, wrong yes/no cells, unknown codes", () => {
    const sheets = sheetsOf(SMALL);
    sheets.Indikator![2]![5] = "dua"; // 1.1.2's weight
    sheets.Indikator![3]![5] = "7"; // 2.1.1's weight
    sheets.Indikator![4]![6] = "mungkin";
    sheets.Rubrik!.push(["9.9.9", "4", "x", "x"]);
    sheets.Predikat![1]![1] = "lima puluh enam";
    const ps = problemsOf(sheets);
    expect(where(ps)).toEqual([
      ["Indikator", 3, "F", "bobot"],
      ["Indikator", 5, "G", "di_lokasi"],
      ["Rubrik", 62, "A", "kode"],
      ["Predikat", 2, "B", "min"],
      ["Indikator", 4, "F", "bobot"],
      // The C band is unreadable, so the lowest band left (B, row 3) does not start at the pass mark.
      ["Predikat", 3, "B", "min"],
    ]);
    expect(ps[0]!.message.id).toBe('"bobot" harus berupa angka, bukan "dua"');
    expect(ps[4]!.message.id).toBe("Bobot indikator 2.1.1 harus bilangan bulat 1–4, bukan 7");
  });

  it("overlapping grade bands, at the band's row", () => {
    const sheets = sheetsOf(SMALL);
    sheets.Predikat![3]![1] = "85"; // A from 85 while B runs to 85
    expect(where(problemsOf(sheets))).toEqual([["Predikat", 4, "B", "min"]]);
  });

  it("a CSV with an unclosed quote, by line", () => {
    const result = csvToSheets('[Instrumen]\r\nkunci,nilai\r\nid,"uji-1\r\n');
    expect(result).toMatchObject({ ok: false, problems: [{ row: 3, column: "B" }] });
  });

  it("10 MB of junk: a bounded list, quickly", () => {
    // 64 KiB of pseudo-random separators, line breaks, quotes and letters, repeated to 10 MiB.
    let seed = 1;
    let block = "";
    for (let i = 0; i < 65536; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      block += 'abc,;\n xyz0123"'[seed % 15];
    }
    const junk = block.repeat(160);
    const started = performance.now();
    const parsed = csvToSheets(`[Indikator]\n${junk}`);
    const problems = parsed.ok ? problemsOf(parsed.sheets) : parsed.problems;
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.length).toBeLessThanOrEqual(MAX_SHEET_PROBLEMS + 1);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

describe("spreadsheet problems, properties", () => {
  const NUMERIC: [string, string][] = [
    ["Standar", "bobot_komponen"],
    ["Indikator", "bobot"],
    ["Rubrik", "skor"],
    ["Predikat", "min"],
    ["Predikat", "maks"],
    ["Predikat", "masa_berlaku_tahun"],
  ];

  it("locates any numeric cell turned to text at exactly that cell", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...NUMERIC),
        fc.nat(),
        fc.constantFrom("x", "dua", "1.2.3", "5%", "—"),
        ([sheet, header], pick, junk) => {
          const sheets = sheetsOf(SMALL);
          const rows = sheets[sheet]!;
          const column = rows[0]!.indexOf(header);
          const row = 1 + (pick % (rows.length - 1));
          rows[row]![column] = junk;
          const ps = problemsOf(sheets);
          expect(ps).toContainEqual(
            expect.objectContaining({ sheet, row: row + 1, column: String.fromCharCode(65 + column), header }),
          );
        },
      ),
    );
  });

  it("names any required column taken away", () => {
    const required = Object.entries(TEMPLATE_HEADERS).flatMap(([sheet, headers]) =>
      headers
        .filter((h) => !(sheet === "Indikator" && /^(panduan|di_lokasi|perlindungan|kode_lama)/.test(h)))
        .map((h) => [sheet, h] as const),
    );
    fc.assert(
      fc.property(fc.constantFrom(...required), ([sheet, header]) => {
        const sheets = sheetsOf(SMALL);
        const column = sheets[sheet]![0]!.indexOf(header);
        sheets[sheet] = sheets[sheet]!.map((r) => r.filter((_, i) => i !== column));
        expect(problemsOf(sheets)).toContainEqual(expect.objectContaining({ sheet, row: 1, header }));
      }),
    );
  });
});

describe("CSV", () => {
  it("reads quotes, doubled quotes, line breaks in fields, CRLF and a BOM", () => {
    expect(parseCsv('\uFEFFa,"b ""c""","d\r\ne"\r\n,\r\n"",x')).toEqual({
      ok: true,
      rows: [
        ["a", 'b "c"', "d\r\ne"],
        ["", ""],
        ["", "x"],
      ],
    });
  });

  it("takes ; as separator when the first line uses it (Excel in Indonesian)", () => {
    expect(parseCsv("kode;bobot\n1.1.1;2,5\n")).toEqual({
      ok: true,
      rows: [
        ["kode", "bobot"],
        ["1.1.1", "2,5"],
      ],
    });
  });

  it("locates a stray quote and text after a closing quote", () => {
    const result = parseCsv('a,b\nc,d"e\n"f"g,h\n');
    expect(result).toMatchObject({
      ok: false,
      problems: [
        { row: 2, column: 2 },
        { row: 3, column: 1 },
      ],
    });
  });

  it("writes a formula-like cell as text, so a spreadsheet never runs it, and reads it back as it was", () => {
    const csv = writeCsv([['=HYPERLINK("http://x")', "-1", "+62 812", "@a", "'=b", "aman"]]);
    expect(csv).toBe(`"'=HYPERLINK(""http://x"")",'-1,'+62 812,'@a,''=b,aman\r\n`);
    expect(parseCsv(csv, ",")).toEqual({
      ok: true,
      rows: [['=HYPERLINK("http://x")', "-1", "+62 812", "@a", "'=b", "aman"]],
    });
  });

  it("writes what it reads (property)", () => {
    const cell = fc.string({
      unit: fc.constantFrom("a", " ", ",", ";", '"', "\n", "\r\n", "é", "=", "-", "+", "@", "'"),
      maxLength: 6,
    });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }), (rows) => {
        expect(parseCsv(writeCsv(rows), ",")).toEqual({ ok: true, rows });
      }),
    );
  });
});
