import { env, exports } from "cloudflare:workers";
import { parseCsv, jakartaDay, standingCertificate, type CertificateFacts } from "@akrab/domain";
import { beforeAll, describe, expect, it } from "vitest";
import {
  nationalDataset,
  certificateStatements,
  type NationalRegion,
  type TableColumn,
} from "../../scripts/national-data.ts";
import { ORIGIN, api, expectProblem, login } from "./helpers.ts";

// The public registry (issue 14) over a fiftieth of the national dataset (500 LKS, 240 certificates
// over five years, some revoked) loaded into real D1, plus one suspension made through the API.

const enc = encodeURIComponent;
const page = (path: string) => exports.default.fetch(new Request(`${ORIGIN}${path}`));

type Item = {
  id: string;
  name: string;
  province: { code: string; name: string };
  kabKota: { code: string; name: string };
  types: string[];
  certificate: { number: string; grade: string; status: string; statusReason: string | null; validUntil: string };
  certificates: number;
};
type Page = { items: Item[]; nextCursor: string | null; dataAsOf: string; checkedAt: string };
type Detail = {
  id: string;
  status: string;
  statusReason: string | null;
  certificates: { number: string; status: string; statusReason: string | null; supersededBy: string | null }[];
};

async function all<T>(sql: string, ...binds: unknown[]): Promise<T[]> {
  return (
    await env.DB.prepare(sql)
      .bind(...binds)
      .all<T>()
  ).results;
}

async function search(query: string): Promise<Page> {
  const res = await api(`/api/v1/public/lks${query}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as Page;
}

/** Every page of `query` (by cursor, `limit` at a time). */
async function everything(query: Record<string, string>, limit = 37): Promise<Item[]> {
  const items: Item[] = [];
  let cursor: string | null = null;
  do {
    const params = new URLSearchParams({ ...query, limit: String(limit), ...(cursor ? { cursor } : {}) });
    const p = await search(`?${params}`);
    items.push(...p.items);
    cursor = p.nextCursor;
  } while (cursor);
  return items;
}

/** What the domain says of every LKS with a certificate, from the raw rows (not the registry table). */
async function expected() {
  const certs = await all<{
    id: string;
    lks_id: string;
    issued_at: string;
    valid_from: string;
    valid_until: string;
    lks_name: string;
    kab_kota_code: string;
    lks_types: string;
    grade: string;
    number: string;
  }>("SELECT * FROM certificates");
  const events = await all<{
    certificate_id: string;
    kind: "suspended" | "reinstated" | "revoked";
    at: string;
    reason: string;
  }>("SELECT * FROM certificate_events ORDER BY at, id");
  const now = new Date();
  const byLks = new Map<string, (CertificateFacts & { row: (typeof certs)[number] })[]>();
  for (const c of certs)
    byLks.set(c.lks_id, [
      ...(byLks.get(c.lks_id) ?? []),
      {
        id: c.id,
        lksId: c.lks_id,
        issuedAt: c.issued_at,
        validFrom: c.valid_from,
        validUntil: c.valid_until,
        events: events.filter((e) => e.certificate_id === c.id),
        row: c,
      },
    ]);
  return new Map(
    [...byLks].map(([id, list]) => {
      const s = standingCertificate(list, now.toISOString(), jakartaDay(now))!;
      return [id, { status: s.status, row: s.certificate.row }] as const;
    }),
  );
}

const ITEM_KEYS = ["certificate", "certificates", "id", "kabKota", "name", "province", "types"];
const CERT_KEYS = [
  "grade",
  "gradeLabel",
  "number",
  "status",
  "statusLabel",
  "statusReason",
  "statusSince",
  "validFrom",
  "validUntil",
];
const DETAIL_KEYS = [
  "certificates",
  "checkedAt",
  "id",
  "kabKota",
  "name",
  "province",
  "status",
  "statusLabel",
  "statusReason",
  "statusSince",
  "types",
];
const DETAIL_CERT_KEYS = [
  "decidedOn",
  "grade",
  "gradeLabel",
  "number",
  "status",
  "statusLabel",
  "statusReason",
  "statusSince",
  "supersededBy",
  "validFrom",
  "validUntil",
];

/** The exact public field list, and no personal data anywhere in the text. */
function assertPublicItem(item: Item) {
  expect(Object.keys(item).sort()).toEqual(ITEM_KEYS);
  expect(Object.keys(item.certificate).sort()).toEqual(CERT_KEYS);
  expect(Object.keys(item.province).sort()).toEqual(["code", "name"]);
  expect(Object.keys(item.kabKota).sort()).toEqual(["code", "name"]);
}
const PERSONAL = /nik|phone|telepon|email|@akrab|board|pengurus|address|alamat|signer|tenant/i;

let balks: string;
let suspendedLks: string;
let revokedLks: string;
let revokedNumber: string;

beforeAll(async () => {
  const regions = await all<NationalRegion>(
    "SELECT code, name, kind, province_code AS provinceCode, slug FROM regions ORDER BY code",
  );
  const places = new Map<string, { district: string; village: string }[]>();
  for (const p of await all<{ regency: string; district: string; village: string | null }>(
    "SELECT d.parent_code AS regency, d.code AS district, (SELECT min(v.code) FROM areas v WHERE v.parent_code = d.code) AS village FROM areas d WHERE d.level = 'district' ORDER BY d.code",
  ))
    if (p.village)
      places.set(p.regency, [...(places.get(p.regency) ?? []), { district: p.district, village: p.village }]);
  const tenants = await all<{ id: string; regionCode: string }>("SELECT id, region_code AS regionCode FROM tenants");
  const balksUser = await all<{ id: string }>("SELECT id FROM users WHERE email = 'balks@akrab.test'");
  const data = nationalDataset({
    regions,
    places,
    existingTenants: new Map(tenants.map((t) => [t.regionCode, t.id])),
    balksUserId: balksUser[0]!.id,
    now: new Date().toISOString(),
    scale: 0.02,
  });
  for (let i = 0; i < data.statements.length; i += 50)
    await env.DB.batch(data.statements.slice(i, i + 50).map((s) => env.DB.prepare(s)));
  const columns = await all<TableColumn>("PRAGMA table_info(certificates)");
  const certs = certificateStatements(data.certificates, columns);
  for (let i = 0; i < certs.length; i += 50) await env.DB.batch(certs.slice(i, i + 50).map((s) => env.DB.prepare(s)));
  balks = (await login("balks@akrab.test")).token;

  // One LKS suspended through the API, and one whose name a spreadsheet would run as a formula.
  const [target] = await all<{ number: string; lks_id: string }>(
    "SELECT c.number, c.lks_id FROM certificates c JOIN public_registry r ON r.certificate_id = c.id WHERE r.hold = 'none' AND c.valid_until > date('now', '+200 days') ORDER BY c.id LIMIT 1",
  );
  const res = await api(`/api/v1/national/certificates/${enc(target!.number)}/suspend`, {
    method: "POST",
    token: balks,
    json: { reason: "Pengaduan sedang diperiksa Dinsos" },
  });
  expect(res.status, await res.clone().text()).toBe(200);
  suspendedLks = target!.lks_id;
  await env.DB.prepare(
    "UPDATE certificates SET lks_name = '=HYPERLINK(\"http://x\")' WHERE id = (SELECT certificate_id FROM public_registry WHERE hold = 'none' ORDER BY lks_id LIMIT 1 OFFSET 3)",
  ).run();
  const [other] = await all<{ number: string; lks_id: string }>(
    "SELECT c.number, c.lks_id FROM certificates c JOIN public_registry r ON r.certificate_id = c.id WHERE r.hold = 'none' AND c.valid_until > date('now', '+200 days') ORDER BY c.id DESC LIMIT 1",
  );
  revokedLks = other!.lks_id;
  revokedNumber = other!.number;
}, 120_000);

describe("the public registry API", () => {
  it("lists every LKS that has or had a certificate once, in name order, by cursor without duplicates or gaps", async () => {
    const want = await expected();
    expect(want.size).toBeGreaterThan(150);
    const items = await everything({});
    expect(items.map((i) => i.id).sort()).toEqual([...want.keys()].sort());
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    const keys = items.map((i) => i.name.toLowerCase());
    expect(keys).toEqual([...keys].sort());
    // A different page size walks the same list.
    expect((await everything({}, 100)).map((i) => i.id)).toEqual(items.map((i) => i.id));
    for (const item of items) assertPublicItem(item);
    expect(JSON.stringify(items)).not.toMatch(PERSONAL);
  });

  it("filters by status exactly as the domain computes it from the raw certificates and events", async () => {
    const want = await expected();
    const counts: Record<string, number> = {};
    for (const status of ["active", "expiring", "expired", "suspended", "revoked"]) {
      const got = (await everything({ status }, 100)).map((i) => i.id).sort();
      const domain = [...want]
        .filter(([, w]) => w.status === status)
        .map(([id]) => id)
        .sort();
      expect(got, status).toEqual(domain);
      counts[status] = got.length;
    }
    // The dataset holds every status (expired and revoked ones, expiring renewals; the suspension above).
    for (const [status, n] of Object.entries(counts)) expect(n, status).toBeGreaterThan(0);
    expect(Object.values(counts).reduce((a, b) => a + b)).toBe(want.size);
    // Each item's own status and the detail page's agree too.
    const [suspended] = (await search("?status=suspended")).items;
    expect(suspended!.id).toBe(suspendedLks);
    expect(suspended!.certificate.statusReason).toBe("Pengaduan sedang diperiksa Dinsos");
    const detail = (await (await api(`/api/v1/public/lks/${enc(suspendedLks)}`)).json()) as Detail;
    expect(detail.status).toBe("suspended");
  });

  it("filters by name (any part, any case), province, kab/kota, type and grade", async () => {
    const want = [...(await expected())];
    const sample = want.find(([, w]) => w.row.lks_name.length > 8)![1].row;
    const part = sample.lks_name.slice(3, 8).toUpperCase();
    const byName = await everything({ q: part });
    expect(byName.map((i) => i.id).sort()).toEqual(
      want
        .filter(([, w]) => w.row.lks_name.toLowerCase().includes(part.toLowerCase()))
        .map(([id]) => id)
        .sort(),
    );
    const province = sample.kab_kota_code.slice(0, 2);
    const byProvince = await everything({ province, grade: "A" });
    expect(byProvince.map((i) => i.id).sort()).toEqual(
      want
        .filter(([, w]) => w.row.kab_kota_code.startsWith(`${province}.`) && w.row.grade === "A")
        .map(([id]) => id)
        .sort(),
    );
    const byKabKota = await everything({ kabKota: sample.kab_kota_code });
    expect(byKabKota.length).toBeGreaterThan(0);
    expect(byKabKota.map((i) => i.id).sort()).toEqual(
      want
        .filter(([, w]) => w.row.kab_kota_code === sample.kab_kota_code)
        .map(([id]) => id)
        .sort(),
    );
    const type = (JSON.parse(sample.lks_types) as string[])[0]!;
    const byType = await everything({ type });
    expect(byType.map((i) => i.id).sort()).toEqual(
      want
        .filter(([, w]) => (JSON.parse(w.row.lks_types) as string[]).includes(type))
        .map(([id]) => id)
        .sort(),
    );
    // `%` and `_` are taken literally.
    expect((await search("?q=%25%25")).items).toEqual([]);
  });

  it("shows one LKS with all its certificates, newest first, each with its status, and no personal field", async () => {
    const [renewed] = await all<{ lks_id: string }>(
      "SELECT lks_id FROM certificates GROUP BY lks_id HAVING count(*) > 1 LIMIT 1",
    );
    const res = await api(`/api/v1/public/lks/${enc(renewed!.lks_id)}`);
    expect(res.status).toBe(200);
    const detail = (await res.json()) as Detail;
    expect(Object.keys(detail).sort()).toEqual(DETAIL_KEYS);
    expect(detail.certificates.length).toBeGreaterThan(1);
    for (const c of detail.certificates) expect(Object.keys(c).sort()).toEqual(DETAIL_CERT_KEYS);
    // Newest first; an older one not revoked or suspended is superseded by a newer one of the list.
    const numbers = detail.certificates.map((c) => c.number);
    const older = detail.certificates.at(-1)!;
    if (older.status === "superseded") expect(numbers.slice(0, -1)).toContain(older.supersededBy);
    expect(detail.certificates[0]!.supersededBy).toBeNull();
    expect(JSON.stringify(detail)).not.toMatch(PERSONAL);
    await expectProblem(await api("/api/v1/public/lks/nobody-here"), 404, "not-found");
  });

  it("serves a cached answer until a certificate changes, then the change at once (revocation)", async () => {
    const query = `?kabKota=${enc((await all<{ code: string }>("SELECT kab_kota_code AS code FROM public_registry WHERE lks_id = ?", revokedLks))[0]!.code)}`;
    const first = await search(query);
    const before = first.items.find((i) => i.id === revokedLks)!;
    expect(before.certificate.status).not.toBe("revoked");
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect((await search(query)).checkedAt).toBe(first.checkedAt); // the edge's copy
    const detailPath = `/api/v1/public/lks/${enc(revokedLks)}`;
    const detailBefore = (await (await api(detailPath)).json()) as Detail & { checkedAt: string };
    expect(((await (await api(detailPath)).json()) as { checkedAt: string }).checkedAt).toBe(detailBefore.checkedAt);
    const pageBefore = await (await page(`/registri${query}`)).text();
    const lksPage = `/registri/${enc(revokedLks)}`;
    expect(await (await page(lksPage)).text()).not.toContain("Terbukti terjadi kekerasan");

    const revoked = await api(`/api/v1/national/certificates/${enc(revokedNumber)}/revoke`, {
      method: "POST",
      token: balks,
      json: { reason: "Terbukti terjadi kekerasan terhadap anak" },
    });
    expect(revoked.status).toBe(200);

    const after = await search(query);
    expect(after.checkedAt).not.toBe(first.checkedAt);
    const item = after.items.find((i) => i.id === revokedLks);
    // Revoked, or (when it had an older certificate) standing on that one again.
    const detail = (await (await api(detailPath)).json()) as Detail;
    expect(detail.certificates.find((c) => c.number === revokedNumber)!.status).toBe("revoked");
    expect(detail.status).toBe(item!.certificate.status);
    if (detail.certificates.length === 1) expect(item!.certificate.status).toBe("revoked");
    expect(await (await page(`/registri${query}`)).text()).not.toBe(pageBefore);
    const after_ = await (await page(lksPage)).text();
    expect(after_).toContain("Dicabut");
    expect(after_).toContain("Terbukti terjadi kekerasan terhadap anak");
  });

  it("exports the same rows as CSV, streamed, formula-safe, with the time of the data", async () => {
    const province = (
      await all<{ code: string }>(
        "SELECT province_code AS code FROM public_registry GROUP BY province_code ORDER BY count(*) DESC LIMIT 1",
      )
    )[0]!.code;
    const res = await api(`/api/v1/public/lks.csv?province=${province}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/registri-lks-\d{4}-\d{2}-\d{2}\.csv/);
    const text = await res.text();
    const parsed = parseCsv(text, ",");
    if (!parsed.ok) throw new Error("CSV does not parse");
    const [asOf, statusDay, filter, header, ...rows] = parsed.rows;
    expect(asOf![0]).toMatch(/^Data per \d+ \w+ \d{4} \d{2}:\d{2} WIB/);
    expect(statusDay![0]).toMatch(/^Status per \d{4}-\d{2}-\d{2}/);
    expect(filter![0]).toBe(`Filter: province: ${province}`);
    expect(header).toContain("Nomor sertifikat");
    const api_ = await everything({ province }, 100);
    expect(rows.map((r) => r.at(-1))).toEqual(api_.map((i) => i.id));
    expect(rows.map((r) => r[6])).toEqual(api_.map((i) => i.certificate.number));
    expect(rows.map((r) => r[10])).toEqual(
      api_.map(
        (i) =>
          ({
            active: "Aktif",
            expiring: "Aktif, segera berakhir",
            expired: "Kedaluwarsa",
            suspended: "Dibekukan",
            revoked: "Dicabut",
          })[i.certificate.status],
      ),
    );
    // The formula-like name is written as text (a leading apostrophe) and reads back as the name.
    const all_ = await (await api("/api/v1/public/lks.csv")).text();
    expect(all_).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(all_).not.toMatch(PERSONAL);
  });

  it("answers malformed or oversized queries with a 400 problem naming the field, and unknown ids with 404", async () => {
    const bad = async (query: string, field: string) => {
      const body = await expectProblem(await api(`/api/v1/public/lks${query}`), 400, "validation");
      expect(body.errors?.map((e) => e.path)).toContain(field);
      expect(body.detail).toContain(field);
    };
    await bad(`?q=${"a".repeat(101)}`, "q");
    await bad("?q=a", "q");
    await bad("?province=3", "province");
    await bad("?kabKota=36-71", "kabKota");
    await bad("?type=PANTI", "type");
    await bad("?grade=D", "grade");
    await bad("?status=superseded", "status");
    await bad("?limit=0", "limit");
    await bad("?limit=101", "limit");
    await bad("?limit=abc", "limit");
    await bad(`?cursor=${"x".repeat(600)}`, "cursor");
    await bad("?cursor=not-a-cursor", "cursor");
    await expectProblem(await api(`/api/v1/public/lks.csv?grade=Z`), 400, "validation");
    await expectProblem(await api(`/api/v1/public/lks/${"x".repeat(65)}`), 400, "validation");
  });
});

describe("the registry pages", () => {
  it("search by kab/kota, page on by cursor, link the CSV, the LKS's page and each certificate's verification page", async () => {
    const [row] = await all<{ code: string; province: string; id: string; name: string }>(
      "SELECT kab_kota_code AS code, province_code AS province, lks_id AS id, name FROM public_registry WHERE hold = 'none' AND name NOT LIKE '=%' ORDER BY lks_id LIMIT 1",
    );
    const form = await page("/registri");
    expect(form.status).toBe(200);
    expect(form.headers.get("content-security-policy")).toContain("script-src 'self'");
    const formHtml = await form.text();
    expect(formHtml).toContain('href="/verifikasi"');
    expect(formHtml).toContain('action="/registri"');
    expect(formHtml).toContain("Berikutnya");
    expect(new TextEncoder().encode(formHtml).length).toBeLessThan(30_000);

    const found = await (await page(`/registri?province=${row!.province}&kabKota=${row!.code}&q=&type=`)).text();
    expect(found).toContain(`href="/registri/${enc(row!.id)}"`);
    expect(found).toContain(`/api/v1/public/lks.csv?province=${row!.province}&amp;kabKota=${enc(row!.code)}`);

    const next = /href="(\/registri\?cursor=[^"]+)"/.exec(formHtml)![1]!.replaceAll("&amp;", "&");
    const second = await (await page(next)).text();
    expect(second).toContain("Halaman pertama");

    const lks = await page(`/registri/${enc(row!.id)}`);
    expect(lks.status).toBe(200);
    const lksHtml = await lks.text();
    const [number] = await all<{ number: string }>(
      "SELECT number FROM certificates WHERE lks_id = ? ORDER BY issued_at DESC",
      row!.id,
    );
    const verify = `/verifikasi/${number!.number.split("/").map(enc).join("/")}`;
    expect(lksHtml).toContain(`href="${verify}"`);
    expect(lksHtml).not.toMatch(PERSONAL);
    expect((await page(verify)).status).toBe(200);
    expect(await (await page("/verifikasi")).text()).toContain('href="/registri"');

    expect((await page("/registri/nobody-here")).status).toBe(404);
    const badPage = await page("/registri?grade=Z");
    expect(badPage.status).toBe(400);
    expect(await badPage.text()).toContain("grade");
  });
});
