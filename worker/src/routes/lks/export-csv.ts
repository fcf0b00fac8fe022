import { expectRow } from "@akrab/db";
import { LksListQuery, type LksProfileInput } from "@akrab/contracts";
import {
  INSTITUTION_KIND_LABELS,
  LKS_TYPE_LABELS,
  OWNERSHIP_LABELS,
  jakartaDay,
  writeCsv,
  type LksType,
} from "@akrab/domain";
import { createRoute, z, type RouteHandler } from "@hono/zod-openapi";
import type { TenantEnv } from "../../env.ts";
import { contentDisposition } from "../../lib/content-disposition.ts";
import { bearerSecurity, problems } from "../../lib/openapi.ts";
import { TenantParam } from "../../lib/params.ts";

const EXPORT_PAGE = 500;

const COLUMNS: [string, (p: LksProfileInput, row: { status: string; tenantName: string }) => string][] = [
  ["Nama LKS", (p) => p.name],
  ["Jenis", (p) => p.types.map((t) => LKS_TYPE_LABELS[t as LksType] ?? t).join("; ")],
  ["Status", (_p, row) => row.status],
  // Profiles stored before issue 17 carry no ownership: they are all community LKS.
  ["Kepemilikan", (p) => OWNERSHIP_LABELS[p.ownership ?? "community"].id],
  ["Jenis lembaga", (p) => INSTITUTION_KIND_LABELS[p.institutionKind ?? "lks"].id],
  ["Bentuk lembaga", (p) => p.legalForm ?? ""],
  ["Instansi pemilik", (p) => p.owningAgency ?? ""],
  ["SK pendirian", (p) => (p.decree ? `${p.decree.number} (${p.decree.date}, ${p.decree.issuer})` : "")],
  ["NPWP", (p) => p.npwp ?? ""],
  ["Alamat", (p) => p.address.street],
  ["Kode kab/kota", (p) => p.address.regencyCode],
  ["Kode kecamatan", (p) => p.address.districtCode],
  ["Kode kelurahan", (p) => p.address.villageCode],
  ["Telepon", (p) => p.phone],
  ["Email", (p) => p.email],
  ["Kapasitas", (p) => String(p.capacity)],
  ["Klien", (p) => String(p.currentClients)],
  ["Tanda daftar", (p) => p.tandaDaftar?.number ?? ""],
  ["Tanda daftar berakhir", (p) => p.tandaDaftar?.expiresAt ?? ""],
  ["Izin operasional", (p) => p.izinOperasional?.number ?? ""],
  ["Izin berakhir", (p) => p.izinOperasional?.expiresAt ?? ""],
  ["Dinsos", (_p, row) => row.tenantName],
];

export const exportLksRoute = createRoute({
  method: "get",
  operationId: "lks.exportCsv",
  path: "/api/v1/t/{tenant}/lks.csv",
  tags: ["LKS registry"],
  summary: "The filtered registry as CSV (UTF-8, opens in spreadsheets)",
  description: "Same filters as the list. Streamed page by page, so a large registry never times out or fills memory.",
  security: bearerSecurity,
  request: { params: TenantParam, query: LksListQuery },
  responses: {
    200: { description: "CSV", content: { "text/csv": { schema: z.string() } } },
    ...problems(400, 401, 404),
  },
});

export const exportLks: RouteHandler<typeof exportLksRoute, TenantEnv> = async (c) => {
  const registry = c.get("scope").lks;
  const filter = c.req.valid("query");
  const today = jakartaDay();
  const encoder = new TextEncoder();
  const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();

  const write = async () => {
    const writer = writable.getWriter();
    try {
      // The byte-order mark makes spreadsheet programs read the file as UTF-8.
      // writeCsv: RFC 4180 quoting, and a formula-like cell written as text (spreadsheets never run it).
      await writer.write(encoder.encode(`\uFEFF${writeCsv([COLUMNS.map(([title]) => title)])}`));
      let cursor: string | undefined;
      do {
        // Null only for a cursor this API did not issue; these are all ours.
        const page = expectRow(await registry.list(filter, { cursor, limit: EXPORT_PAGE }, today), "Registry page");
        const rows = page.items.map((row) => COLUMNS.map(([, cell]) => cell(row.profile as LksProfileInput, row)));
        if (rows.length > 0) await writer.write(encoder.encode(writeCsv(rows)));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      await writer.close();
    } catch (error) {
      await writer.abort(error);
    }
  };
  c.executionCtx.waitUntil(write());

  return c.body(readable, 200, {
    "content-type": "text/csv; charset=utf-8",
    "content-disposition": contentDisposition(`lks-${c.get("scope").tenant.slug}-${today}.csv`),
    "cache-control": "private, no-store",
  });
};
