import { env } from "cloudflare:workers";
import { createDb, refreshDirtyReports } from "@akrab/db";
import { REVISION_STEP } from "@akrab/domain";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { api, expectProblem, login } from "./helpers.ts";

// Issue 15: every pipeline and asesor figure opens the applications it counts, and the list has
// exactly the figure's number of rows — nationally, with a province filter, and for a province and
// a kab/kota Dinsos (their own reach). The records are random (a fixed fast-check seed, so a
// failure replays): applications in several tenants waiting in steps before or after their SLA,
// returned with reasons, visited, decided, and assigned to asesors, over the last eleven months.

type Drill = { list: string; query: Record<string, string> };
type Pipeline = {
  steps: { step: string; count: number; overdue: number; drill: Drill }[];
  slaBreaches: { step: string; overdue: number; drill: Drill }[];
  returns: { count: number; drill: Drill; reasons: { reason: string; count: number; drill: Drill }[] };
  throughput: { month: string; accredited: number; drill: Drill }[];
};
type Asesors = {
  asesors: { id: string; assignments: number; drill: Drill }[];
  pairs: { asesors: { id: string }[]; visits: number; flagged: number; indicators: number; drill: Drill }[];
  visitsPerMonth: { month: string; visits: number; drill: Drill }[];
};
type Item = { applicationId: string; step: string; at: string; dueAt: string | null; event: string | null };

const NOW = Date.now();
const STEPS = ["kabkota_verification", "balks_intake", "scoring", "decision"] as const;
const REASONS = ["document:akta", "document:izin", "indicator:1.1"] as const;

const Record_ = fc.record({
  tenant: fc.nat(20),
  step: fc.nat(STEPS.length - 1),
  enteredDaysAgo: fc.integer({ min: 1, max: 300 }),
  slaDays: fc.option(fc.integer({ min: -60, max: 60 }), { nil: null }),
  returns: fc.array(fc.record({ daysAgo: fc.integer({ min: 0, max: 330 }), reasons: fc.subarray([...REASONS]) }), {
    maxLength: 2,
  }),
  visitDaysAgo: fc.option(fc.integer({ min: 0, max: 330 }), { nil: null }),
  decision: fc.option(fc.record({ daysAgo: fc.integer({ min: 0, max: 330 }), accredited: fc.boolean() }), {
    nil: null,
  }),
  asesors: fc.subarray([0, 1, 2]),
});

const tokens: Record<string, string> = {};
const iso = (daysAgo: number) => new Date(NOW - daysAgo * 86_400_000).toISOString();

beforeAll(async () => {
  // Banten's tenants first (the province Dinsos and its kab/kota), then a few elsewhere.
  const tenants = (
    await env.DB.prepare(
      `SELECT id, region_code AS regionCode, level FROM tenants WHERE status = 'active'
       ORDER BY (region_code = '36' OR region_code LIKE '36.%') DESC, slug LIMIT 8`,
    ).all<{ id: string; regionCode: string; level: string }>()
  ).results;
  const regencyOf = async (t: { regionCode: string; level: string }) =>
    t.level === "province"
      ? (await env.DB.prepare("SELECT code FROM regions WHERE province_code = ? ORDER BY code LIMIT 1")
          .bind(t.regionCode)
          .first<{ code: string }>())!.code
      : t.regionCode;
  // Three asesors to form teams (the demo may have fewer).
  await env.DB.batch(
    ["a", "b", "c"].map((k) =>
      env.DB.prepare(
        `INSERT OR IGNORE INTO asesors (id, user_id, email, name, phone, province_code, kab_kota_code, background, lks_types, qualifications, active, version, created_at, updated_at)
         VALUES (?1, NULL, ?2, ?3, NULL, '36', '36.71', 'akademisi', '["LKSA"]', '[]', 1, 1, ?4, ?4)`,
      ).bind(`list-asesor-${k}`, `list-asesor-${k}@akrab.test`, `Asesor Daftar ${k.toUpperCase()}`, iso(400)),
    ),
  );
  const asesors = (
    await env.DB.prepare("SELECT id FROM asesors WHERE id LIKE 'list-asesor-%' ORDER BY id").all<{ id: string }>()
  ).results;
  expect(asesors).toHaveLength(3);
  const balks = (await env.DB.prepare("SELECT id FROM users WHERE email = 'balks@akrab.test'").first<{ id: string }>())!
    .id;
  const records = fc.sample(fc.array(Record_, { minLength: 40, maxLength: 40 }), { seed: 15, numRuns: 1 })[0]!;
  const statements: D1PreparedStatement[] = [];
  let seq = 0;
  for (const [i, r] of records.entries()) {
    const t = tenants[r.tenant % tenants.length]!;
    const lks = `list-lks-${i}`;
    const app = `list-app-${i}`;
    const region = await regencyOf(t);
    const closed = r.decision !== null;
    const step = closed ? (r.decision!.accredited ? "accredited" : "not_accredited") : STEPS[r.step]!;
    const entered = iso(closed ? r.decision!.daysAgo : r.enteredDaysAgo);
    const due = r.slaDays === null ? null : new Date(Date.parse(entered) + r.slaDays * 86_400_000 + 1000).toISOString();
    statements.push(
      env.DB.prepare(
        `INSERT INTO lks (id, tenant_id, name, types, service_mode, status, region_code, district_code, profile, return_comments, version, created_at, updated_at)
         VALUES (?1, ?2, ?3, '["LKSA"]', 'dalam_panti', 'registered', ?4, ?5, '{}', '[]', 1, ?6, ?6)`,
      ).bind(lks, t.id, `Panti Daftar ${String(i).padStart(2, "0")}`, region, `${region}.01`, iso(340)),
      env.DB.prepare(
        `INSERT INTO applications (id, tenant_id, lks_id, kind, step, workflow_version, open, letter, checklist, return_items, step_entered_at, step_due_at, submitted_at, version, created_at, updated_at)
         VALUES (?1, ?2, ?3, 'initial', ?4, 1, ?5, '{}', '[]', '[]', ?6, ?7, ?8, 1, ?8, ?8)`,
      ).bind(app, t.id, lks, step, closed ? 0 : 1, entered, closed ? null : due, iso(335)),
    );
    const event = (action: string, to: string, at: string, items: string | null = null) =>
      env.DB.prepare(
        "INSERT INTO application_events (id, tenant_id, application_id, action, from_step, to_step, items, at) VALUES (?, ?, ?, ?, NULL, ?, ?, ?)",
      ).bind(`list-ev-${++seq}`, t.id, app, action, to, items, at);
    for (const ret of r.returns)
      statements.push(
        event(
          "return",
          REVISION_STEP,
          iso(ret.daysAgo),
          JSON.stringify(
            ret.reasons.map((x) => ({ kind: x.split(":")[0], ref: x.split(":")[1], message: "Perbaiki" })),
          ),
        ),
      );
    if (r.visitDaysAgo !== null) statements.push(event("record_visit", "scoring", iso(r.visitDaysAgo)));
    if (r.decision)
      statements.push(
        event(
          r.decision.accredited ? "accredit" : "decline",
          r.decision.accredited ? "accredited" : "not_accredited",
          iso(r.decision.daysAgo),
        ),
      );
    for (const a of new Set(r.asesors.map((x) => x % asesors.length)))
      statements.push(
        env.DB.prepare(
          `INSERT INTO assessment_assignments (id, tenant_id, application_id, asesor_id, role, status, assigned_by, assigned_at)
           VALUES (?, ?, ?, ?, 'member', ?, ?, ?)`,
        ).bind(`list-as-${i}-${a}`, t.id, app, asesors[a]!.id, a === 2 ? "declined" : "accepted", balks, iso(300 - a)),
      );
  }
  // Reconciled sheets for the teams of two or three: levels apart on some indicators, flagged when far apart.
  const instrument = await env.DB.prepare("SELECT id FROM instrument_versions LIMIT 1").first<{ id: string }>();
  for (const [i, r] of records.entries()) {
    const team = [...new Set(r.asesors.map((x) => asesors[x % asesors.length]!.id))];
    if (team.length < 2 || !instrument) continue;
    const indicators = [0, 1, 2].map((k) => {
      const levels = Object.fromEntries(team.map((a, j) => [a, ((i + k * j) % 4) + 1]));
      const values = Object.values(levels);
      return {
        code: `${k}`,
        levels,
        flags: Math.max(...values) - Math.min(...values) >= 2 ? [{ code: "difference" }] : [],
      };
    });
    statements.push(
      env.DB.prepare(
        `INSERT INTO reconciliations (id, tenant_id, application_id, instrument_version_id, sheet, strengths, recommendations, version, created_at, updated_at)
         VALUES (?1, (SELECT tenant_id FROM applications WHERE id = ?2), ?2, ?3, ?4, '', '', 1, ?5, ?5)`,
      ).bind(
        `list-rec-${i}`,
        `list-app-${i}`,
        instrument.id,
        JSON.stringify({ team, indicators }),
        iso(r.enteredDaysAgo),
      ),
    );
  }
  await env.DB.batch(statements);
  await refreshDirtyReports(createDb(env.DB), NOW, Number.POSITIVE_INFINITY);
  for (const email of ["viewer@akrab.test", "dinsos.banten@akrab.test", "dinsos.kota-tangerang@akrab.test"])
    tokens[email] = (await login(email)).token;
});

/** Every row of the list behind a figure, paging through it as the page does. */
async function list(base: string, drill: Drill, token: string): Promise<Item[]> {
  expect(drill.list).toBe("applications");
  const items: Item[] = [];
  let cursor: string | null = null;
  do {
    const q = new URLSearchParams({ ...drill.query, limit: "7", ...(cursor ? { cursor } : {}) });
    const res = await api(`${base}/applications?${q}`, { token });
    expect(res.status, await res.clone().text()).toBe(200);
    const page = (await res.json()) as { items: Item[]; nextCursor: string | null };
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

async function read<T>(path: string, token: string): Promise<T> {
  const res = await api(path, { token });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as T;
}

/** Each pipeline figure against its list; returns how many figures were checked (so a test cannot pass on none). */
async function checkPipeline(base: string, query: string, token: string): Promise<number> {
  const report = await read<Pipeline>(`${base}/pipeline${query}`, token);
  let checked = 0;
  for (const s of report.steps) {
    const rows = await list(base, s.drill, token);
    expect(rows.length, `step ${s.step}`).toBe(s.count);
    expect(rows.every((r) => r.step === s.step)).toBe(true);
    // Longest waiting first.
    expect(rows.map((r) => r.at)).toEqual(rows.map((r) => r.at).sort());
    checked++;
  }
  for (const b of report.slaBreaches) {
    const rows = await list(base, b.drill, token);
    expect(rows.length, `breaches ${JSON.stringify(b.drill.query)}`).toBe(b.overdue);
    expect(rows.every((r) => r.dueAt !== null && r.dueAt < new Date().toISOString())).toBe(true);
    checked++;
  }
  // The breaches per tenant add up to the step's overdue count.
  for (const s of report.steps)
    expect(report.slaBreaches.filter((b) => b.step === s.step).reduce((n, b) => n + b.overdue, 0)).toBe(s.overdue);
  expect((await list(base, report.returns.drill, token)).length).toBe(report.returns.count);
  checked++;
  for (const r of report.returns.reasons) {
    expect((await list(base, r.drill, token)).length, `reason ${r.reason}`).toBe(r.count);
    checked++;
  }
  for (const t of report.throughput) {
    const rows = await list(base, t.drill, token);
    expect(rows.length, `accredited in ${t.month}`).toBe(t.accredited);
    expect(rows.every((r) => r.event === "accredited")).toBe(true);
    checked++;
  }
  return checked;
}

describe("the applications behind the pipeline figures", () => {
  it("nationally: every figure's list has its number of rows", { timeout: 60_000 }, async () => {
    expect(await checkPipeline("/api/v1/national/reports", "", tokens["viewer@akrab.test"]!)).toBeGreaterThan(20);
  });

  it("nationally with a province filter, and for a province and a kab/kota Dinsos", { timeout: 60_000 }, async () => {
    const national = await read<Pipeline>("/api/v1/national/reports/pipeline", tokens["viewer@akrab.test"]!);
    const banten = await read<Pipeline>("/api/v1/national/reports/pipeline?province=36", tokens["viewer@akrab.test"]!);
    // The filter narrows the monthly figures too (they are kept per tenant: Banten's tenants).
    expect(banten.returns.count).toBeLessThan(national.returns.count);
    expect(banten.returns.count).toBeGreaterThan(0);
    expect(
      await checkPipeline("/api/v1/national/reports", "?province=36", tokens["viewer@akrab.test"]!),
    ).toBeGreaterThan(10);
    expect(
      await checkPipeline("/api/v1/t/prov-banten/reports", "", tokens["dinsos.banten@akrab.test"]!),
    ).toBeGreaterThan(10);
    expect(
      await checkPipeline("/api/v1/t/kota-tangerang/reports", "", tokens["dinsos.kota-tangerang@akrab.test"]!),
    ).toBeGreaterThan(0);
  });

  it("keeps a Dinsos to its reach and refuses a bad filter naming it", async () => {
    // Kota Tangerang's list holds only its own applications, whatever the query asks.
    const own = await list(
      "/api/v1/t/kota-tangerang/reports",
      { list: "applications", query: { returned: "true" } },
      tokens["dinsos.kota-tangerang@akrab.test"]!,
    );
    const tangerang = (await env.DB.prepare("SELECT id FROM tenants WHERE slug = 'kota-tangerang'").first<{
      id: string;
    }>())!.id;
    for (const r of own) {
      const row = await env.DB.prepare("SELECT tenant_id FROM applications WHERE id = ?")
        .bind(r.applicationId)
        .first<{ tenant_id: string }>();
      expect(row!.tenant_id).toBe(tangerang);
    }
    const bad = await expectProblem(
      await api("/api/v1/national/reports/applications?decidedMonth=2026-13", { token: tokens["viewer@akrab.test"] }),
      400,
      "validation",
    );
    expect(bad.errors?.[0]?.path).toBe("decidedMonth");
    await expectProblem(
      await api("/api/v1/national/reports/applications", { token: tokens["dinsos.banten@akrab.test"] }),
      404,
      "not-found",
    );
  });

  it("exports the list behind a figure as CSV with its filters", async () => {
    const report = await read<Pipeline>("/api/v1/national/reports/pipeline", tokens["viewer@akrab.test"]!);
    const q = new URLSearchParams(report.returns.drill.query);
    const res = await api(`/api/v1/national/reports/applications.csv?${q}`, { token: tokens["viewer@akrab.test"] });
    expect(res.status).toBe(200);
    const lines = (await res.text()).trim().split("\n");
    expect(lines[0]).toMatch(/Data per/);
    expect(lines[1]).toMatch(/returned: true/);
    const header = lines.findIndex((l) => l.startsWith("Nama LKS"));
    expect(lines.length - header - 1).toBe(report.returns.count);
  });
});

describe("the applications behind the asesor figures", () => {
  it("an asesor's assignments and a month's visits list exactly what they count", { timeout: 60_000 }, async () => {
    const token = tokens["viewer@akrab.test"]!;
    const report = await read<Asesors>("/api/v1/national/reports/asesors", token);
    let checked = 0;
    for (const a of report.asesors.filter((x) => x.assignments > 0)) {
      expect((await list("/api/v1/national/reports", a.drill, token)).length).toBe(a.assignments);
      checked++;
    }
    for (const v of report.visitsPerMonth) {
      const rows = await list("/api/v1/national/reports", v.drill, token);
      expect(rows.length, v.month).toBe(v.visits);
      expect(rows.every((r) => r.event === "visit")).toBe(true);
      checked += v.visits > 0 ? 1 : 0;
    }
    expect(checked).toBeGreaterThan(5);
  });

  it("each asesor pair's reconciliations list exactly its visits together", { timeout: 60_000 }, async () => {
    const token = tokens["viewer@akrab.test"]!;
    const report = await read<Asesors>("/api/v1/national/reports/asesors", token);
    expect(report.pairs.length).toBeGreaterThan(0);
    expect(report.pairs.some((p) => p.flagged > 0)).toBe(true);
    for (const p of report.pairs) {
      expect(p.flagged).toBeLessThanOrEqual(p.indicators);
      const rows = await list("/api/v1/national/reports", p.drill, token);
      expect(rows.length).toBe(p.visits);
      expect(rows.every((r) => r.event === "reconciled")).toBe(true);
    }
  });
});
