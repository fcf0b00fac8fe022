import { env } from "cloudflare:workers";
import { createDb, refreshDirtyReports } from "@akrab/db";
import { COVERAGE_CATEGORIES } from "@akrab/domain";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { api, expectProblem, login } from "./helpers.ts";

// Issue 15: the report routes by role. National readers see every region; a province Dinsos its
// kab/kota; a kab/kota Dinsos itself; anyone else a 404. Public statistics carry aggregates only.

type Area = {
  code: string;
  level: string;
  tenant: string | null;
  counts: Record<string, number> | null;
  total: number | null;
  drill: { list: string; query: Record<string, string> };
};
type Coverage = {
  dataAsOf: string;
  dataAsOfText: string;
  country: Area;
  provinces: Area[];
  regencies: Area[];
  types: Area[];
};

const json = async <T>(res: Response): Promise<T> => {
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as T;
};

const tokens: Record<string, string> = {};
let tangerangId = "";

beforeAll(async () => {
  const t = await env.DB.prepare("SELECT id FROM tenants WHERE slug = 'kota-tangerang'").first<{ id: string }>();
  tangerangId = t!.id;
  // Twelve registered LKS in Kota Tangerang and one whose name a spreadsheet would run as a formula.
  const now = "2026-11-01T00:00:00.000Z";
  await env.DB.batch(
    Array.from({ length: 13 }, (_, i) =>
      env.DB.prepare(
        `INSERT INTO lks (id, tenant_id, name, types, service_mode, status, region_code, district_code, profile, return_comments, version, created_at, updated_at)
         VALUES (?1, ?2, ?3, '["LKSA"]', 'dalam_panti', 'registered', '36.71', '36.71.01', '{}', '[]', 1, ?4, ?4)`,
      ).bind(
        `rep-${i}`,
        tangerangId,
        i === 12 ? '=HYPERLINK("http://x")' : `Panti Laporan ${String(i).padStart(2, "0")}`,
        now,
      ),
    ),
  );
  await refreshDirtyReports(createDb(env.DB));
  for (const email of [
    "viewer@akrab.test",
    "dinsos.banten@akrab.test",
    "dinsos.lebak@akrab.test",
    "dinsos.kota-tangerang@akrab.test",
    "lks@akrab.test",
  ])
    tokens[email] = (await login(email)).token;
});

describe("national coverage", () => {
  it("shows every province, a province's kab/kota when asked, regions not on Akrab as null, and each figure's list", async () => {
    const report = await json<Coverage>(
      await api("/api/v1/national/reports/coverage", { token: tokens["viewer@akrab.test"] }),
    );
    expect(report.provinces).toHaveLength(38);
    // The country view leaves the kab/kota out (the drill-down asks for one province's).
    expect(report.regencies).toEqual([]);
    expect(report.dataAsOfText).toMatch(/^Data per \d+ \w+ \d{4} \d\d:\d\d WIB$/);
    const regencies: Area[] = [];
    for (const p of report.provinces) {
      const one = await json<Coverage>(
        await api(`/api/v1/national/reports/coverage?province=${p.code}`, { token: tokens["viewer@akrab.test"] }),
      );
      // A province's own figure is the same in the country view and in its drill-down.
      expect(one.provinces[0]).toEqual({ ...p, drill: one.provinces[0]!.drill });
      regencies.push(...one.regencies);
    }
    expect(regencies).toHaveLength(514);
    const tangerang = regencies.find((r) => r.code === "36.71")!;
    expect(tangerang.tenant).toBe("on_akrab");
    expect(tangerang.counts!.never_applied).toBeGreaterThanOrEqual(13);
    const notOnAkrab = regencies.find((r) => r.tenant === "not_onboarded" && r.total === null);
    expect(notOnAkrab?.counts).toBeNull();
    // The country is the sum of its kab/kota, and every category is present.
    const sum = regencies.reduce((n, r) => n + (r.total ?? 0), 0);
    expect(report.country.total).toBe(sum);
    expect(Object.keys(report.country.counts!)).toEqual([...COVERAGE_CATEGORIES]);

    // A figure and its list agree: page through the LKS behind Kota Tangerang's "never applied".
    const query = new URLSearchParams({ ...tangerang.drill.query, category: "never_applied", limit: "5" });
    const names: string[] = [];
    let cursor: string | null = null;
    do {
      if (cursor) query.set("cursor", cursor);
      const page: { items: { name: string; category: string; regionCode: string }[]; nextCursor: string | null } =
        await json(await api(`/api/v1/national/reports/lks?${query}`, { token: tokens["viewer@akrab.test"] }));
      for (const i of page.items) {
        expect(i.category).toBe("never_applied");
        expect(i.regionCode).toBe("36.71");
      }
      names.push(...page.items.map((i) => i.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(names).toHaveLength(tangerang.counts!.never_applied!);
    expect(names).toEqual([...names].sort());
  });

  it("filters by province and refuses a bad filter naming it, and is not for Dinsos or strangers", async () => {
    const banten = await json<Coverage>(
      await api("/api/v1/national/reports/coverage?province=36", { token: tokens["viewer@akrab.test"] }),
    );
    expect(banten.provinces.map((p) => p.code)).toEqual(["36"]);
    expect(banten.regencies.every((r) => r.code.startsWith("36."))).toBe(true);
    const bad = await expectProblem(
      await api("/api/v1/national/reports/coverage?province=banten", { token: tokens["viewer@akrab.test"] }),
      400,
      "validation",
    );
    expect(bad.errors?.[0]?.path).toBe("province");
    await expectProblem(
      await api("/api/v1/national/reports/coverage", { token: tokens["dinsos.banten@akrab.test"] }),
      404,
      "not-found",
    );
    await expectProblem(await api("/api/v1/national/reports/coverage"), 401, "unauthenticated");
  });

  it("gives the pipeline per step with its list", async () => {
    const report = await json<{
      steps: { step: string; count: number; drill: { list: string } }[];
      throughput: unknown[];
    }>(await api("/api/v1/national/reports/pipeline", { token: tokens["viewer@akrab.test"] }));
    expect(report.throughput).toHaveLength(12);
    for (const s of report.steps) {
      expect(s.count).toBeGreaterThan(0);
      expect(s.drill.list).toBe("applications");
    }
  });
});

describe("tenant reports", () => {
  it("a province Dinsos sees its kab/kota only, and a kab/kota of its own", async () => {
    const prov = await json<Coverage>(
      await api("/api/v1/t/prov-banten/reports/coverage", { token: tokens["dinsos.banten@akrab.test"] }),
    );
    expect(prov.regencies.length).toBe(8);
    expect(prov.regencies.every((r) => r.code.startsWith("36."))).toBe(true);
    expect(prov.provinces.map((p) => p.code)).toEqual(["36"]);
    const child = await json<Coverage>(
      await api("/api/v1/t/kota-tangerang/reports/coverage", { token: tokens["dinsos.banten@akrab.test"] }),
    );
    expect(child.regencies.map((r) => r.code)).toEqual(["36.71"]);
    await expectProblem(
      await api("/api/v1/t/prov-dki-jakarta/reports/coverage", { token: tokens["dinsos.banten@akrab.test"] }),
      404,
      "not-found",
    );
  });

  it("a kab/kota Dinsos sees only itself: not its province, not a neighbour", async () => {
    const own = await json<Coverage>(
      await api("/api/v1/t/kab-lebak/reports/coverage", { token: tokens["dinsos.lebak@akrab.test"] }),
    );
    expect(own.regencies.map((r) => r.code)).toEqual(["36.02"]);
    expect(own.provinces).toEqual([]);
    for (const slug of ["prov-banten", "kota-tangerang"])
      await expectProblem(
        await api(`/api/v1/t/${slug}/reports/coverage`, { token: tokens["dinsos.lebak@akrab.test"] }),
        404,
        "not-found",
      );
    const list = await json<{ items: { tenantSlug: string }[] }>(
      await api("/api/v1/t/kota-tangerang/reports/lks?limit=200", {
        token: tokens["dinsos.kota-tangerang@akrab.test"],
      }),
    );
    expect(list.items.length).toBeGreaterThanOrEqual(13);
    expect(new Set(list.items.map((i) => i.tenantSlug))).toEqual(new Set(["kota-tangerang"]));
  });

  it("an LKS operator of the tenant gets a 404", async () => {
    for (const path of ["coverage", "pipeline", "lks", "lks.csv"])
      await expectProblem(
        await api(`/api/v1/t/kota-tangerang/reports/${path}`, { token: tokens["lks@akrab.test"] }),
        404,
        "not-found",
      );
  });
});

describe("exports", () => {
  it("streams the LKS behind a figure as XLSX that parses back, with the time of the data and formula-safe text", async () => {
    const res = await api("/api/v1/t/kota-tangerang/reports/lks.xlsx?category=never_applied", {
      token: tokens["dinsos.kota-tangerang@akrab.test"],
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("spreadsheetml");
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    const sheet = strFromU8(files["xl/worksheets/sheet1.xml"]!);
    expect(sheet).toMatch(/Data per \d+ \w+ \d{4}/);
    expect(sheet).toContain("category: never_applied");
    expect(sheet).toContain("Panti Laporan 00");
    expect(sheet).toContain("Panti Laporan 11");
    // The formula-like name is text with Excel's quote prefix, never a formula.
    expect(sheet).not.toContain("<f>");
    const style = sheet.match(/<c r="A\d+" t="inlineStr" s="(\d+)"><is><t xml:space="preserve">=HYPERLINK/)?.[1];
    expect(style).toBeDefined();
    const xfs = strFromU8(files["xl/styles.xml"]!)
      .split("<cellXfs")[1]!
      .match(/<xf [^>]*>/g)!;
    expect(xfs[Number(style)]).toContain('quotePrefix="1"');
  });

  it("writes the coverage table as CSV with the filters applied", async () => {
    const res = await api("/api/v1/national/reports/coverage.csv?province=36", { token: tokens["viewer@akrab.test"] });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text.split("\n")[0]).toMatch(/Data per/);
    expect(text).toContain("province: 36");
    expect(text).toContain("Kota Tangerang");
    expect(text).not.toContain("Kota Bandung");
  });
});

describe("public statistics", () => {
  it("publishes aggregates only, no count below the threshold, cached at the edge", async () => {
    const res = await api("/api/v1/public/statistics");
    const body = await json<{
      suppressionThreshold: number;
      country: Record<string, number | null>;
      provinces: Record<string, unknown>[];
      types: Record<string, unknown>[];
    }>(res);
    expect(res.headers.get("cache-control")).toMatch(/public.*s-maxage=\d+/);
    expect(Object.keys(body).sort()).toEqual([
      "country",
      "dataAsOf",
      "dataAsOfText",
      "provinces",
      "suppressionThreshold",
      "types",
    ]);
    expect(Object.keys(body.provinces[0]!).sort()).toEqual([
      "A",
      "B",
      "C",
      "accredited",
      "code",
      "lks",
      "name",
      "onAkrab",
    ]);
    expect(Object.keys(body.types[0]!).sort()).toEqual(["accredited", "lks", "type"]);
    const numbers = [
      ...Object.values(body.country),
      ...body.provinces.flatMap((p) => [p.lks, p.accredited, p.A, p.B, p.C]),
      ...body.types.flatMap((t) => [t.lks, t.accredited]),
    ].filter((v): v is number => typeof v === "number");
    for (const n of numbers) expect(n === 0 || n >= body.suppressionThreshold).toBe(true);
    // Banten holds the test's LKS: published (at least the threshold), not hidden.
    expect(body.provinces.find((p) => p.code === "36")!.lks).toBeGreaterThanOrEqual(13);
  });
});

describe("on-demand refresh", () => {
  it("recomputes the tenants whose records changed, for BALKS, and is a 404 for a Dinsos", async () => {
    await env.DB.prepare("UPDATE lks SET status = 'inactive' WHERE id = 'rep-0'").run();
    const balks = (await login("balks@akrab.test")).token;
    const before = await json<Coverage>(await api("/api/v1/national/reports/coverage?regency=36.71", { token: balks }));
    const res = await json<{ refreshed: number; remaining: number }>(
      await api("/api/v1/national/reports/refresh", {
        method: "POST",
        token: balks,
        headers: { origin: "https://akrab.test" },
      }),
    );
    expect(res).toEqual({ refreshed: 1, remaining: 0 });
    const after = await json<Coverage>(await api("/api/v1/national/reports/coverage?regency=36.71", { token: balks }));
    expect(after.country.counts!.inactive).toBe(before.country.counts!.inactive! + 1);
    await expectProblem(
      await api("/api/v1/national/reports/refresh", { method: "POST", token: tokens["dinsos.banten@akrab.test"] }),
      404,
      "not-found",
    );
  });
});

describe("asesor work", () => {
  it("counts assignments per asesor, visits per month and the days from assignment to visit to decision", async () => {
    const at = (day: string) => `${day}T03:00:00.000Z`;
    await env.DB.batch([
      env.DB.prepare(
        `INSERT INTO applications (id, tenant_id, lks_id, kind, step, workflow_version, open, letter, checklist, return_items, step_entered_at, submitted_at, version, created_at, updated_at)
         VALUES ('rep-app', ?1, 'rep-1', 'initial', 'accredited', 1, 1, '{}', '[]', '[]', ?2, ?2, 1, ?2, ?2)`,
      ).bind(tangerangId, at("2026-09-01")),
      ...[
        ["assign", "asesor_assignment", "visit", "2026-09-01"],
        ["record_visit", "visit", "scoring", "2026-09-11"],
        ["accredit", "decision", "accredited", "2026-09-21"],
      ].map(([action, from, to, day], i) =>
        env.DB.prepare(
          "INSERT INTO application_events (id, tenant_id, application_id, action, from_step, to_step, at) VALUES (?1, ?2, 'rep-app', ?3, ?4, ?5, ?6)",
        ).bind(`rep-ev-${i}`, tangerangId, action, from, to, at(day!)),
      ),
      env.DB.prepare(
        `INSERT INTO assessment_assignments (id, tenant_id, application_id, asesor_id, role, status, assigned_by, assigned_at)
         SELECT 'rep-assignment', ?1, 'rep-app', (SELECT id FROM asesors WHERE email = 'asesor@akrab.test'), 'lead', 'accepted', (SELECT id FROM users WHERE email = 'balks@akrab.test'), ?2`,
      ).bind(tangerangId, at("2026-09-01")),
    ]);
    await refreshDirtyReports(createDb(env.DB));
    const report = await json<{
      asesors: { name: string; assignments: number; openAssignments: number }[];
      visitsPerMonth: { month: string; visits: number }[];
      durations: Record<string, number | null>;
    }>(await api("/api/v1/national/reports/asesors?from=2026-08&to=2026-10", { token: tokens["viewer@akrab.test"] }));
    expect(report.asesors.find((a) => a.name === "Dr. Rina Asesor")).toMatchObject({
      assignments: 1,
      openAssignments: 1,
    });
    expect(report.visitsPerMonth).toEqual([
      { month: "2026-08", visits: 0, drill: expect.anything() },
      { month: "2026-09", visits: 1, drill: expect.anything() },
      { month: "2026-10", visits: 0, drill: expect.anything() },
    ]);
    expect(report.durations).toEqual({
      assignmentToVisitMedianDays: 10,
      visitToDecisionMedianDays: 10,
      assignmentToDecisionMedianDays: 20,
    });
    await expectProblem(
      await api("/api/v1/national/reports/asesors", { token: tokens["dinsos.banten@akrab.test"] }),
      404,
      "not-found",
    );
  });
});

describe("figures without a cron (npm start)", () => {
  it("a read recomputes a roll-up never computed or left stale past the cron's bound, and nothing younger", async () => {
    const token = tokens["dinsos.kota-tangerang@akrab.test"];
    const registered = async () =>
      (await json<Coverage>(await api("/api/v1/t/kota-tangerang/reports/coverage", { token }))).country.counts!
        .never_applied!;
    const state = () =>
      env.DB.prepare("SELECT computed_at, dirty_since FROM report_state WHERE tenant_id = ?")
        .bind(tangerangId)
        .first<{ computed_at: string | null; dirty_since: string | null }>();
    const addLks = (id: string) =>
      env.DB.prepare(
        `INSERT INTO lks (id, tenant_id, name, types, service_mode, status, region_code, district_code, profile, return_comments, version, created_at, updated_at)
         VALUES (?1, ?2, ?1, '["LKSA"]', 'dalam_panti', 'registered', '36.71', '36.71.01', '{}', '[]', 1, ?3, ?3)`,
      )
        .bind(id, tangerangId, new Date().toISOString())
        .run();
    await refreshDirtyReports(createDb(env.DB));
    const start = await registered();

    // A change the cron will count within its minute: the read stays a read.
    await addLks("fresh-1");
    expect(await registered()).toBe(start);
    expect((await state())!.dirty_since).not.toBeNull();

    // The same change waiting longer than the cron ever lets it (no cron runs): the read counts it.
    await env.DB.prepare("UPDATE report_state SET dirty_since = ?2 WHERE tenant_id = ?1")
      .bind(tangerangId, new Date(Date.now() - 3 * 60_000).toISOString())
      .run();
    expect(await registered()).toBe(start + 1);
    expect((await state())!.dirty_since).toBeNull();

    // A roll-up never computed (a fresh local database): the first read computes it.
    await addLks("fresh-2");
    await env.DB.prepare("UPDATE report_state SET computed_at = NULL WHERE tenant_id = ?").bind(tangerangId).run();
    const national = await json<Coverage>(
      await api("/api/v1/national/reports/coverage?regency=36.71", { token: tokens["viewer@akrab.test"] }),
    );
    expect(national.country.counts!.never_applied).toBe(start + 2);
    expect((await state())!.computed_at).not.toBeNull();
  });
});
