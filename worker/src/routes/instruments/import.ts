import { instrumentColumns } from "@akrab/db";
import { InstrumentDetail } from "@akrab/contracts";
import { INSTRUMENT_EDITORS, csvToSheets, sheetsToInstrument, type SheetProblem } from "@akrab/domain";
import { createRoute, z, type RouteHandler } from "@hono/zod-openapi";
import type { NationalWriteEnv } from "../../env.ts";
import { audit } from "../../lib/audit.ts";
import { bearerSecurity, jsonResponse, problems } from "../../lib/openapi.ts";
import { readXlsx } from "../../lib/xlsx.ts";
import { national } from "../../middleware/national/index.ts";
import { Problem } from "../../middleware/problem/index.ts";
import { presentInstrument } from "../../services/instruments.ts";
import { XLSX_TYPE } from "./template.ts";

/** A whole instrument is a few hundred KB as XLSX; anything much larger is not one. */
export const INSTRUMENT_IMPORT_MAX_BYTES = 2 * 1024 * 1024;

export const importInstrumentRoute = createRoute({
  method: "post",
  operationId: "instruments.import",
  path: "/api/v1/national/instruments/import",
  tags: ["Instruments"],
  summary: "Import a whole instrument from a workbook (XLSX or CSV, at most 2 MB) as a new draft (BALKS secretariat)",
  description: [
    "The workbook is read in full first: every problem (a missing sheet or column, a duplicate code, weights not adding",
    "up to 100, a rubric level without a descriptor, …) is listed in one 400 problem, each `path` as `Sheet!B7` and its",
    "message naming the sheet, row and column, and nothing is saved. Download the template from `instruments.template`.",
    "The draft keeps the workbook's `id`, which must be new (a retry without an Idempotency-Key cannot make a second draft).",
  ].join(" "),
  security: bearerSecurity,
  middleware: [national({ roles: INSTRUMENT_EDITORS, write: true })] as const,
  request: {
    body: {
      required: true,
      content: {
        [XLSX_TYPE]: { schema: z.string().openapi({ format: "binary" }) },
        "text/csv": { schema: z.string() },
      },
    },
  },
  responses: { 201: jsonResponse(InstrumentDetail, "The imported draft"), ...problems(400, 401, 404, 413, 415) },
});

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

function located(p: SheetProblem): { path: string; message: string } {
  const cell = `${p.column ?? ""}${p.row ?? ""}`;
  const where = [
    p.sheet ? `lembar ${p.sheet}` : null,
    p.row !== null ? `baris ${p.row}` : null,
    p.column ? `kolom ${p.column}${p.header ? ` (${p.header})` : ""}` : null,
  ].filter(Boolean);
  const whereEn = [
    p.sheet ? `sheet ${p.sheet}` : null,
    p.row !== null ? `row ${p.row}` : null,
    p.column ? `column ${p.column}${p.header ? ` (${p.header})` : ""}` : null,
  ].filter(Boolean);
  return {
    path: p.sheet ? (cell ? `${p.sheet}!${cell}` : p.sheet) : cell || "file",
    message: `${where.join(", ")}: ${p.message.id} / ${whereEn.join(", ")}: ${p.message.en}`,
  };
}

const unreadable = (detail: string) =>
  new Problem("validation", detail, { errors: [{ path: "file", message: detail }] });

export const importInstrument: RouteHandler<typeof importInstrumentRoute, NationalWriteEnv> = async (c) => {
  const { instruments, write } = c.get("national");
  const type = (c.req.header("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
  const bytes = new Uint8Array(await c.req.arrayBuffer());

  let read: ReturnType<typeof csvToSheets>;
  if (type === XLSX_TYPE) {
    if (!ZIP_MAGIC.every((b, i) => bytes[i] === b))
      throw new Problem(
        "file-type-mismatch",
        "Berkas ini bukan XLSX (bukan arsip ZIP) / This file is not an XLSX workbook (not a ZIP archive)",
      );
    const workbook = readXlsx(bytes);
    if (!workbook.ok) throw unreadable(workbook.reason);
    read = { ok: true, sheets: workbook.sheets };
  } else if (type === "text/csv") {
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      throw unreadable("Berkas CSV harus UTF-8 / The CSV file must be UTF-8");
    }
    read = csvToSheets(text);
  } else {
    throw new Problem("unsupported-media-type", "Kirim berkas XLSX atau CSV / Send an XLSX or CSV file");
  }
  const result = read.ok ? sheetsToInstrument(read.sheets) : read;
  if (!result.ok) {
    throw new Problem(
      "validation",
      `Buku kerja memiliki ${result.problems.length} masalah; tidak ada yang disimpan / The workbook has ${result.problems.length} problems; nothing was saved`,
      { errors: result.problems.map(located) },
    );
  }
  const instrument = result.instrument;
  if (await instruments.find(instrument.id)) {
    throw new Problem("validation", "Kode versi sudah dipakai / The version id is taken", {
      errors: [
        located({
          sheet: "Instrumen",
          row: 2,
          column: "B",
          header: "nilai",
          message: {
            id: `Versi ${instrument.id} sudah ada; beri kode baru`,
            en: `Version ${instrument.id} exists already; give a new id`,
          },
        }),
      ],
    });
  }
  const basedOn = instrument.lineage ? ((await instruments.find(instrument.lineage.from))?.id ?? null) : null;
  const actor = c.get("principal").user.id;
  const created = write.instruments.insertDraft({ ...instrumentColumns(instrument), basedOn }, actor, instrument.id);
  await write.batch([
    created.insert,
    audit(c, {
      action: "instrument.imported",
      tenantId: null,
      targetType: "instrument",
      targetId: created.row.id,
      data: { format: type === "text/csv" ? "csv" : "xlsx", size: bytes.length, basedOn },
    }),
  ]);
  return c.json(presentInstrument(created.row), 201);
};
