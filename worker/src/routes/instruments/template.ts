import { instrumentOfRow } from "@akrab/db";
import {
  INSTRUMENT_READERS,
  SHEET_NAMES,
  TEMPLATE_HEADERS,
  instrumentToSheets,
  sheetsToCsv,
  type SheetName,
} from "@akrab/domain";
import { createRoute, z, type RouteHandler } from "@hono/zod-openapi";
import type { NationalEnv } from "../../env.ts";
import { contentDisposition } from "../../lib/content-disposition.ts";
import { bearerSecurity, problems } from "../../lib/openapi.ts";
import { writeXlsx } from "../../lib/xlsx.ts";
import { national } from "../../middleware/national/index.ts";
import { notFound } from "../../middleware/problem/index.ts";

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export const instrumentTemplateRoute = createRoute({
  method: "get",
  operationId: "instruments.template",
  path: "/api/v1/national/instruments/template",
  tags: ["Instruments"],
  summary: "Download the import template (XLSX or CSV), empty or filled with a version",
  description: [
    "One sheet per table (Instrumen, Standar, Aspek, Indikator, Rubrik, Bukti, Aturan, Predikat), the header on row 1;",
    "a CSV holds them all, each after a `[Sheet]` marker row. With `from`, the sheets hold that version, ready to edit and",
    "import as a new draft (change its `id` first). Weights and grade bands in it are a configurable default, not BALKS's official ones.",
  ].join(" "),
  security: bearerSecurity,
  middleware: [national({ roles: INSTRUMENT_READERS })] as const,
  request: {
    query: z.object({
      format: z.enum(["xlsx", "csv"]).default("xlsx"),
      from: z.string().min(1).max(64).optional().openapi({ description: "A version to fill the template with" }),
    }),
  },
  responses: {
    200: {
      description: "The workbook",
      content: {
        [XLSX_TYPE]: { schema: z.string().openapi({ format: "binary" }) },
        "text/csv": { schema: z.string() },
      },
    },
    ...problems(400, 401, 404),
  },
});

export const instrumentTemplate: RouteHandler<typeof instrumentTemplateRoute, NationalEnv> = async (c) => {
  const { format, from } = c.req.valid("query");
  let sheets: Record<SheetName, string[][]>;
  if (from) {
    const row = await c.get("national").instruments.find(from);
    if (!row) throw notFound("Versi instrumen tidak ditemukan / Instrument version not found");
    sheets = instrumentToSheets(instrumentOfRow(row));
  } else {
    sheets = Object.fromEntries(SHEET_NAMES.map((name) => [name, [[...TEMPLATE_HEADERS[name]]]])) as Record<
      SheetName,
      string[][]
    >;
  }
  const filename = `instrumen-${from ?? "templat"}.${format}`;
  const headers = { "content-disposition": contentDisposition(filename) };
  if (format === "csv") {
    // The BOM makes Excel read the file as UTF-8 (the template is Bahasa Indonesia with its accents).
    return c.body(`\uFEFF${sheetsToCsv(sheets)}`, 200, { ...headers, "content-type": "text/csv; charset=utf-8" });
  }
  return c.body(writeXlsx(sheets), 200, { ...headers, "content-type": XLSX_TYPE });
};
