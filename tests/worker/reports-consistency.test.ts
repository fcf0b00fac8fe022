import { env } from "cloudflare:workers";
import { coverageOfTenant, createDb, refreshDirtyReports } from "@akrab/db";
import { REVISION_STEP, jakartaDay } from "@akrab/domain";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";

// Issue 15: the report figures equal a recomputation from the raw rows. Random sequences of
// registrations, registration status changes, applications and their transitions, and transfers of
// LKS between tenants are written straight to D1 (as any handler, present or future, would write
// them), with roll-up refreshes of the dirty tenants at random points; after a last refresh every
// roll-up row must equal a fresh count. A change that did not mark its tenant dirty (a missing
// trigger) leaves a stale figure and fails this.

const db = createDb(env.DB);
const NOW = Date.parse("2026-12-01T01:00:00.000Z");
const TODAY = jakartaDay(NOW);

interface Tenant {
  id: string;
  regionCode: string;
  regencies: string[];
}
let tenants: Tenant[] = [];

beforeAll(async () => {
  const rows = (
    await env.DB.prepare(
      `SELECT t.id, t.region_code AS regionCode, t.level FROM tenants t WHERE t.status = 'active' ORDER BY t.slug`,
    ).all<{ id: string; regionCode: string; level: string }>()
  ).results;
  tenants = [];
  for (const t of rows) {
    const regencies =
      t.level === "province"
        ? (
            await env.DB.prepare("SELECT code FROM regions WHERE province_code = ? ORDER BY code LIMIT 3")
              .bind(t.regionCode)
              .all<{ code: string }>()
          ).results.map((r) => r.code)
        : [t.regionCode];
    tenants.push({ id: t.id, regionCode: t.regionCode, regencies });
  }
});

const STATUSES = ["pending_verification", "registered", "returned", "inactive"] as const;
const TYPES = ["LKSA", "LKS-LU", "LKS-PD", "LKS-LAIN"] as const;
/** Where a transition may lead, with the action the engine would record. */
const MOVES = [
  { to: "kabkota_verification", action: "submit", open: 1 },
  { to: REVISION_STEP, action: "return", open: 1 },
  { to: "balks_intake", action: "recommend", open: 1 },
  { to: "scoring", action: "record_visit", open: 1 },
  { to: "decision", action: "submit_scores", open: 1 },
  { to: "accredited", action: "accredit", open: 1 },
  { to: "certified", action: "issue_certificate", open: 0 },
  { to: "not_accredited", action: "decline", open: 0 },
  { to: "withdrawn", action: "withdraw", open: 0 },
] as const;

type Op =
  | { kind: "register"; tenant: number; regency: number; type: number; status: number; name: string }
  | { kind: "status"; lks: number; status: number }
  | { kind: "transfer"; lks: number; tenant: number }
  | { kind: "apply"; lks: number; day: number }
  | { kind: "move"; lks: number; move: number; day: number; reasons: number }
  | { kind: "refresh" };

const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("register" as const),
      tenant: fc.nat(20),
      regency: fc.nat(2),
      type: fc.nat(3),
      status: fc.nat(3),
      name: fc.string({ maxLength: 8 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("status" as const), lks: fc.nat(1000), status: fc.nat(3) }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("transfer" as const), lks: fc.nat(1000), tenant: fc.nat(20) }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("apply" as const), lks: fc.nat(1000), day: fc.nat(700) }) },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant("move" as const),
      lks: fc.nat(1000),
      move: fc.nat(MOVES.length - 1),
      day: fc.nat(700),
      reasons: fc.nat(2),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: "refresh" as const }) },
);

let seq = 0;
const id = (prefix: string) => `${prefix}-${++seq}`;
const dayIso = (day: number) => new Date(NOW - day * 86_400_000).toISOString();

async function lksIds(): Promise<{ id: string; tenant_id: string }[]> {
  return (await env.DB.prepare("SELECT id, tenant_id FROM lks ORDER BY id").all<{ id: string; tenant_id: string }>())
    .results;
}

async function apply(o: Op) {
  const now = new Date(NOW).toISOString();
  if (o.kind === "refresh") {
    await refreshDirtyReports(db, NOW, Number.POSITIVE_INFINITY);
    return;
  }
  if (o.kind === "register") {
    const t = tenants[o.tenant % tenants.length]!;
    const region = t.regencies[o.regency % t.regencies.length]!;
    await env.DB.prepare(
      `INSERT INTO lks (id, tenant_id, name, types, service_mode, status, region_code, district_code, profile, return_comments, version, created_at, updated_at)
       VALUES (?, ?, ?, ?, 'dalam_panti', ?, ?, ?, '{}', '[]', 1, ?, ?)`,
    )
      .bind(
        id("lks"),
        t.id,
        `LKS ${o.name}`,
        JSON.stringify([TYPES[o.type]]),
        STATUSES[o.status],
        region,
        `${region}.01`,
        now,
        now,
      )
      .run();
    return;
  }
  const all = await lksIds();
  if (all.length === 0) return;
  const l = all[o.lks % all.length]!;
  if (o.kind === "status") {
    await env.DB.prepare("UPDATE lks SET status = ?, version = version + 1 WHERE id = ?")
      .bind(STATUSES[o.status], l.id)
      .run();
  } else if (o.kind === "transfer") {
    const t = tenants[o.tenant % tenants.length]!;
    await env.DB.prepare("UPDATE lks SET tenant_id = ?, region_code = ? WHERE id = ?")
      .bind(t.id, t.regencies[0], l.id)
      .run();
  } else if (o.kind === "apply") {
    await env.DB.prepare(
      `INSERT INTO applications (id, tenant_id, lks_id, kind, step, workflow_version, open, letter, checklist, return_items, step_entered_at, version, created_at, updated_at)
       SELECT ?, ?, ?, 'initial', 'draft', 1, 1, '{}', '[]', '[]', ?, 1, ?, ?
       WHERE NOT EXISTS (SELECT 1 FROM applications WHERE lks_id = ? AND open = 1)`,
    )
      .bind(id("app"), l.tenant_id, l.id, dayIso(o.day), now, now, l.id)
      .run();
  } else {
    const app = await env.DB.prepare("SELECT id, tenant_id, step FROM applications WHERE lks_id = ? AND open = 1")
      .bind(l.id)
      .first<{ id: string; tenant_id: string; step: string }>();
    if (!app) return;
    const m = MOVES[o.move]!;
    const at = dayIso(o.day);
    const items =
      m.to === REVISION_STEP
        ? JSON.stringify(
            Array.from({ length: o.reasons + 1 }, (_, i) => ({
              kind: "document",
              ref: `doc-${i}`,
              message: "Perbaiki",
            })),
          )
        : null;
    await env.DB.batch([
      env.DB.prepare(
        "INSERT INTO application_events (id, tenant_id, application_id, action, from_step, to_step, items, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      ).bind(id("ev"), app.tenant_id, app.id, m.action, app.step, m.to, items, at),
      env.DB.prepare(
        "UPDATE applications SET step = ?, open = ?, submitted_at = coalesce(submitted_at, ?), step_entered_at = ?, version = version + 1 WHERE id = ?",
      ).bind(m.to, m.open, at, at, app.id),
    ]);
  }
}

/** Every roll-up row next to a fresh count from the raw rows. */
async function compare() {
  const stored = (
    await env.DB.prepare(
      "SELECT lks_id AS id, tenant_id, name, region_code AS regionCode, province_code AS provinceCode, lks_type AS lksType, category FROM report_lks ORDER BY lks_id",
    ).all()
  ).results;
  const fresh = [];
  for (const t of (await env.DB.prepare("SELECT id FROM tenants").all<{ id: string }>()).results)
    for (const r of await coverageOfTenant(db, t.id, TODAY)) fresh.push({ ...r, tenant_id: t.id });
  fresh.sort((a, b) => (a.id < b.id ? -1 : 1));
  expect(stored).toEqual(
    fresh.map(({ id, tenant_id, name, regionCode, provinceCode, lksType, category }) => ({
      id,
      tenant_id,
      name,
      regionCode,
      provinceCode,
      lksType,
      category,
    })),
  );

  // The per-area counts the national views read: the same LKS counted afresh per kab/kota and per province.
  const countRows = (
    await env.DB.prepare(
      "SELECT level, area_code, province_code, lks_type, category, n FROM report_counts ORDER BY level, area_code, lks_type, category",
    ).all<{ level: string; area_code: string; province_code: string; lks_type: string; category: string; n: number }>()
  ).results;
  const tally = new Map<string, number>();
  for (const r of fresh)
    for (const [level, area] of [
      ["province", r.provinceCode],
      ["regency", r.regionCode],
    ] as const) {
      const k = [level, area, r.provinceCode, r.lksType, r.category].join("|");
      tally.set(k, (tally.get(k) ?? 0) + 1);
    }
  const expectedCounts = [...tally]
    .map(([k, n]) => {
      const [level, area_code, province_code, lks_type, category] = k.split("|") as [
        string,
        string,
        string,
        string,
        string,
      ];
      return { level, area_code, province_code, lks_type, category, n };
    })
    .sort((a, b) => {
      const ka = [a.level, a.area_code, a.lks_type, a.category].join("\u0000");
      const kb = [b.level, b.area_code, b.lks_type, b.category].join("\u0000");
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    });
  const sortedCounts = [...countRows].sort((a, b) => {
    const ka = [a.level, a.area_code, a.lks_type, a.category].join("\u0000");
    const kb = [b.level, b.area_code, b.lks_type, b.category].join("\u0000");
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  expect(sortedCounts).toEqual(expectedCounts);

  const monthly = (
    await env.DB.prepare("SELECT tenant_id, month, measure, count FROM report_monthly ORDER BY 1, 2, 3").all()
  ).results;
  // The fresh count, written independently of the refresh's INSERT … SELECT.
  const events = (
    await env.DB.prepare(
      "SELECT a.tenant_id, e.action, e.to_step, e.items, e.at FROM application_events e JOIN applications a ON a.id = e.application_id",
    ).all<{ tenant_id: string; action: string; to_step: string; items: string | null; at: string }>()
  ).results;
  const counts = new Map<string, number>();
  const bump = (k: string) => counts.set(k, (counts.get(k) ?? 0) + 1);
  for (const e of events) {
    const month = jakartaDay(Date.parse(e.at)).slice(0, 7);
    const measure =
      e.to_step === "accredited" || e.to_step === "not_accredited"
        ? e.to_step
        : e.action === "record_visit"
          ? "visit"
          : e.to_step === REVISION_STEP
            ? "returned"
            : null;
    if (measure) bump(`${e.tenant_id}|${month}|${measure}`);
    if (e.to_step === REVISION_STEP)
      for (const item of JSON.parse(e.items ?? "[]") as { kind: string; ref: string }[])
        bump(`${e.tenant_id}|${month}|reason:${item.kind}:${item.ref}`);
  }
  const expected = [...counts]
    .map(([k, count]) => {
      const [tenant_id, month, measure] = k.split("|") as [string, string, string];
      return { tenant_id, month, measure, count };
    })
    .sort((a, b) => (a.tenant_id + a.month + a.measure < b.tenant_id + b.month + b.measure ? -1 : 1));
  const key = (r: Record<string, unknown>) => `${r.tenant_id}${r.month}${r.measure}`;
  expect([...monthly].sort((a, b) => (key(a) < key(b) ? -1 : 1))).toEqual(expected);
}

describe("report roll-ups", () => {
  it("equal a recomputation from the raw rows after any sequence of changes", { timeout: 240_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 20, maxLength: 80 }), async (ops) => {
        for (const o of ops) await apply(o);
        await refreshDirtyReports(db, NOW, Number.POSITIVE_INFINITY);
        expect(
          (await env.DB.prepare("SELECT count(*) AS n FROM report_state WHERE dirty_since IS NOT NULL").first<{
            n: number;
          }>())!.n,
        ).toBe(0);
        await compare();
      }),
      { numRuns: 12 },
    );
    // The property ran over something: LKS in most categories, moved between tenants.
    const categories = (await env.DB.prepare("SELECT DISTINCT category FROM report_lks").all()).results;
    expect(categories.length).toBeGreaterThanOrEqual(5);
  });
});

describe("the minute cron", () => {
  it("recomputes the roll-ups of tenants whose records changed", async () => {
    const { createScheduledController } = await import("cloudflare:test");
    const { default: worker } = await import("../../worker/src/index.ts");
    const lks = await env.DB.prepare("SELECT id, tenant_id FROM lks WHERE status = 'registered' LIMIT 1").first<{
      id: string;
      tenant_id: string;
    }>();
    await refreshDirtyReports(db, NOW, Number.POSITIVE_INFINITY);
    await env.DB.prepare("UPDATE lks SET status = 'inactive' WHERE id = ?").bind(lks!.id).run();
    const dirty = await env.DB.prepare("SELECT dirty_since FROM report_state WHERE tenant_id = ?")
      .bind(lks!.tenant_id)
      .first<{ dirty_since: string | null }>();
    expect(dirty!.dirty_since).not.toBeNull();

    await worker.scheduled(createScheduledController({ scheduledTime: NOW, cron: "* * * * *" }), env);

    const row = await env.DB.prepare("SELECT category FROM report_lks WHERE lks_id = ?")
      .bind(lks!.id)
      .first<{ category: string }>();
    expect(row!.category).toBe("inactive");
    const state = await env.DB.prepare("SELECT dirty_since, computed_at FROM report_state WHERE tenant_id = ?")
      .bind(lks!.tenant_id)
      .first<{ dirty_since: string | null; computed_at: string }>();
    expect(state).toEqual({ dirty_since: null, computed_at: new Date(NOW).toISOString() });
  });
});
