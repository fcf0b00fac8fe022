import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { api, expectProblem, login } from "./helpers.ts";

const T = "/api/v1/t/kota-tangerang";
const LETTER = { number: "7/2026", date: "2026-12-01", signatoryName: "Hj. Aminah", signatoryPosition: "Ketua" };

type Row = {
  from: string | null;
  to: string | null;
  before: { level: number | null; score: number | null } | null;
  after: { level: number | null; score: number | null } | null;
  delta: number | null;
};
type Cycle = {
  previous: { applicationId: string; step: string; instrument: { id: string } } | null;
  current: { instrument: { id: string } };
  totals: { before: number | null; after: number | null };
  rows: Row[];
};

let operator: string;
let lksId: string;

async function draft(kind: "first" | "renewal"): Promise<string> {
  const res = await api(`${T}/applications`, {
    method: "POST",
    token: operator,
    json: { lksId, kind, letter: LETTER },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

async function answer(applicationId: string, levels: Record<string, number>) {
  const res = await api(`${T}/applications/${applicationId}/self-assessment/answers`, {
    method: "PUT",
    token: operator,
    json: {
      answers: Object.entries(levels).map(([indicator, level]) => ({ indicator, level, note: "", baseVersion: 0 })),
    },
  });
  expect(res.status, await res.clone().text()).toBe(200);
}

const cycleOf = (applicationId: string, token = operator) =>
  api(`${T}/applications/${applicationId}/self-assessment/previous-cycle`, { token });

beforeAll(async () => {
  await env.DB.prepare("UPDATE applications SET open = 0, step = 'withdrawn' WHERE open = 1").run();
  operator = (await login("lks@akrab.test")).token;
  const lks = await env.DB.prepare("SELECT id FROM lks WHERE name = 'Panti Asuhan Kasih Bunda'").first<{
    id: string;
  }>();
  lksId = lks!.id;
  await env.DB.prepare("UPDATE lks SET types = '[\"LKSA\"]' WHERE id = ?").bind(lksId).run();
});

describe("a re-accreditation beside the previous cycle", () => {
  it("pairs indicators across instrument versions through the code map, each cycle on its own version", async () => {
    // The previous cycle: scored on the 2012 instrument, decided (certified).
    const earlier = await draft("first");
    await env.DB.prepare("UPDATE applications SET instrument_version_id = 'lksa-2012-1' WHERE id = ?")
      .bind(earlier)
      .run();
    await answer(earlier, { "1.1.1": 1, "2.4.1": 2 });
    await env.DB.prepare(
      "UPDATE applications SET step = 'certified', open = 0, submitted_at = '2021-03-01T00:00:00.000Z' WHERE id = ?",
    )
      .bind(earlier)
      .run();
    expect(await (await cycleOf(earlier)).json()).toMatchObject({ previous: null, rows: [] });

    // This cycle, on the instrument that applies now (2025, where 2012's 2.4.1 is 2.4.2).
    const renewal = await draft("renewal");
    const instrument = (await (await api(`${T}/applications/${renewal}/instrument`, { token: operator })).json()) as {
      id: string;
    };
    expect(instrument.id).not.toBe("lksa-2012-1");
    await answer(renewal, { "1.1.1": 3, "2.4.2": 3, "2.4.1": 4 });

    const res = await cycleOf(renewal);
    expect(res.status, await res.clone().text()).toBe(200);
    const cycle = (await res.json()) as Cycle;
    expect(cycle.previous).toMatchObject({
      applicationId: earlier,
      step: "certified",
      instrument: { id: "lksa-2012-1" },
    });
    expect(cycle.current.instrument.id).toBe(instrument.id);
    const row = (from: string | null, to: string | null) => cycle.rows.find((r) => r.from === from && r.to === to);
    // The same indicator, kept.
    expect(row("1.1.1", "1.1.1")).toMatchObject({ before: { level: 1 }, after: { level: 3 } });
    expect(row("1.1.1", "1.1.1")!.delta).toBeGreaterThan(0);
    // Renumbered in 2025: one row, not a removal and an addition.
    expect(row("2.4.1", "2.4.2")).toMatchObject({ before: { level: 2 }, after: { level: 3 } });
    expect(cycle.rows.filter((r) => r.from === "2.4.1")).toHaveLength(1);
    // New in 2025 (a safeguarding indicator): nothing before.
    expect(row(null, "2.4.1")).toMatchObject({ before: null, after: { level: 4 } });
    // Blank on one side: no delta.
    expect(cycle.rows.find((r) => r.to === "3.1.1")?.delta).toBeNull();
    expect(cycle.totals.before).not.toBeNull();
    expect(cycle.totals.after).not.toBeNull();

    // The Dinsos reads it too; another tenant does not see the application at all.
    const verifier = (await login("dinsos.kota-tangerang@akrab.test")).token;
    expect((await cycleOf(renewal, verifier)).status).toBe(200);
    const lebak = (await login("dinsos.lebak@akrab.test")).token;
    await expectProblem(
      await api(`/api/v1/t/kab-lebak/applications/${renewal}/self-assessment/previous-cycle`, { token: lebak }),
      404,
      "not-found",
    );
  });

  it("does not count a withdrawn application as a cycle", async () => {
    await env.DB.prepare("UPDATE applications SET open = 0, step = 'withdrawn' WHERE open = 1").run();
    await env.DB.prepare("UPDATE applications SET step = 'withdrawn' WHERE lks_id = ?").bind(lksId).run();
    const again = await draft("renewal");
    const res = await cycleOf(again);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ previous: null, rows: [], totals: { before: null } });
  });
});
