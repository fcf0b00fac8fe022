import { jakartaDay } from "@akrab/domain";
import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { applicationRow, count, fromTop, key, N, scoredApplication } from "./assessment-fixture.ts";
import { api, expectProblem, login, outboxFor } from "./helpers.ts";
import { pdfText } from "./pdf-text.ts";

/**
 * Issue 13 "The decision": BALKS's plenary decision on the reconciled scores, judged by the domain's
 * rules (a departure needs a justification, a safeguarding finding cannot be accredited over, the
 * plenary needs a quorum), recorded once with the move in one batch, told to the LKS and its Dinsos.
 */
type Scored = Awaited<ReturnType<typeof scoredApplication>>;
type DecisionView = {
  application: { step: string; version: number };
  decision: null | {
    kind: string;
    grade: string | null;
    validFrom: string | null;
    validUntil: string | null;
    departsFromComputed: boolean;
    justification: string | null;
    toFix: string[];
    computed: { grade: string | null; outcome: string };
    decidedBy: string;
  };
  computed: { outcome: string; grade: string | null; reasons: { code: string }[] };
  findings: { indicator: string; kind: string }[];
  recommendations: string;
};

const today = jakartaDay();
const PLENARY = {
  date: today,
  members: ["Prof. Haryati", "Drs. Mulyadi", "Dr. Yohana Sinaga"],
  outcome: { kind: "consensus" },
};

const reconciliation = (who: Scored["lead"], rest = "") =>
  `/api/v1/me/assignments/${who.assignmentId}/reconciliation${rest}`;
const write = async (who: Scored["lead"], rest: string, method: string, json: unknown) => {
  const res = await api(reconciliation(who, rest), { method, token: who.token, headers: key(), json });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as { version: number };
};

/** Settles every flagged indicator at the lead's level, writes the recommendations, signs, and submits the scores. */
async function toDecision(app: Scored, flagged: { code: string; level: number }[] = []) {
  let { version } = (await (await api(reconciliation(app.lead), { token: app.lead.token })).json()) as {
    version: number;
  };
  for (const { code, level } of flagged) {
    ({ version } = await write(app.lead, `/proposals/${code}`, "PUT", {
      level,
      reason: "Disepakati bersama setelah diskusi tim",
      expectedVersion: version,
    }));
    ({ version } = await write(app.member, `/responses/${code}`, "PUT", {
      agree: true,
      expectedVersion: version,
    }));
  }
  ({ version } = await write(app.lead, "/report", "PUT", {
    strengths: "Catatan kasus anak tertata.",
    recommendations: "Bentuk mekanisme pengaduan anak yang aman.",
    expectedVersion: version,
  }));
  ({ version } = await write(app.lead, "/sign", "POST", { expectedVersion: version }));
  await write(app.member, "/sign", "POST", { expectedVersion: version });
  const { version: appVersion } = await applicationRow(app.id);
  const moved = await api(`/api/v1/t/${app.slug}/applications/${app.id}/transitions`, {
    method: "POST",
    token: app.lead.token,
    headers: key(),
    json: { action: "submit_scores", expectedVersion: appVersion },
  });
  expect(moved.status, await moved.clone().text()).toBe(200);
}

const decide = (app: Scored, json: Record<string, unknown>, headers = key()) =>
  api(`${N}/applications/${app.slug}/${app.id}/decision`, { method: "POST", token: app.balks, headers, json });

async function sideEffects(app: Scored) {
  return {
    app: await applicationRow(app.id),
    decisions: await count("SELECT count(*) AS n FROM accreditation_decisions WHERE application_id = ?", app.id),
    events: await count("SELECT count(*) AS n FROM application_events WHERE application_id = ?", app.id),
    outbox: await count("SELECT count(*) AS n FROM outbox"),
    notifications: await count("SELECT count(*) AS n FROM notifications"),
  };
}

describe("the decision", () => {
  it("accredits with the computed grade once, however often it is sent, and tells the LKS and its Dinsos", async () => {
    const app = await scoredApplication("Panti Asuhan Kasih Bunda", {
      lead: (indicator) => fromTop(indicator, 1),
      member: (indicator) => fromTop(indicator, 1),
    });
    await toDecision(app);
    const { version } = await applicationRow(app.id);
    const before = await sideEffects(app);

    // The bare workflow action is refused: the decision is recorded with its plenary, not by a button.
    const bare = await api(`/api/v1/t/${app.slug}/applications/${app.id}/transitions`, {
      method: "POST",
      token: app.balks,
      headers: key(),
      json: { action: "accredit", expectedVersion: version },
    });
    expect((await expectProblem(bare, 409, "conflict")).errors?.[0]?.path).toBe("decision");

    const page = (await (
      await api(`${N}/applications/${app.slug}/${app.id}/decision`, { token: app.balks })
    ).json()) as DecisionView;
    expect(page.decision).toBeNull();
    expect(page.computed).toMatchObject({ outcome: "graded", grade: "B" });

    // Grade A departs from the computed B: without a justification, a problem naming it, and nothing changes.
    const departing = {
      kind: "accredit",
      grade: "A",
      reasons: "Sangat baik",
      plenary: PLENARY,
      expectedVersion: version,
    };
    const noJustification = await expectProblem(await decide(app, departing), 400, "validation");
    expect(noJustification.errors?.map((e) => e.path)).toEqual(["justification"]);
    // The plenary needs a quorum, a date not in the future, and a vote that carried.
    const thin = await expectProblem(
      await decide(app, {
        kind: "accredit",
        grade: "B",
        reasons: "Baik",
        plenary: {
          date: "2999-01-01",
          members: ["Prof. Haryati", "Drs. Mulyadi"],
          outcome: { kind: "vote", for: 1, against: 1, abstain: 0 },
        },
        expectedVersion: version,
      }),
      400,
      "validation",
    );
    expect(thin.errors?.map((e) => e.path).sort()).toEqual(["plenary.date", "plenary.members", "plenary.outcome"]);
    await expectProblem(await decide(app, { ...departing, grade: "B", expectedVersion: version - 1 }), 409, "conflict");
    expect(await sideEffects(app)).toEqual(before);

    // Five sends with one Idempotency-Key: one decision, one move, one message each.
    const headers = key();
    const body = {
      kind: "accredit",
      grade: "B",
      reasons: "Memenuhi standar dengan predikat Baik",
      plenary: PLENARY,
      expectedVersion: version,
    };
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await decide(app, body, headers));
    for (const res of answers) expect(res.status).toBe(201);
    const texts = await Promise.all(answers.map((r) => r.text()));
    expect(new Set(texts).size).toBe(1);
    const recorded = JSON.parse(texts[0]!) as DecisionView;
    const year = Number(today.slice(0, 4));
    expect(recorded.decision).toMatchObject({
      kind: "accredit",
      grade: "B",
      departsFromComputed: false,
      validFrom: today,
      validUntil: `${year + 3}${today.slice(4)}`,
      computed: { grade: "B", outcome: "graded" },
      decidedBy: expect.any(String),
    });
    expect(recorded.application.step).toBe("accredited");
    const after = await sideEffects(app);
    expect(after.app).toEqual({ step: "accredited", version: version + 1, open: 1 });
    expect(after.decisions).toBe(1);
    expect(after.events).toBe(before.events + 1);
    const lks = (await outboxFor("lks@akrab.test")).filter((m) => m.subject.includes("predikat B"));
    const dinsos = (await outboxFor("dinsos.kota-tangerang@akrab.test")).filter((m) =>
      m.subject.includes("predikat B"),
    );
    expect(lks).toHaveLength(1);
    expect(dinsos).toHaveLength(1);
    expect(lks[0]!.body).toContain("Bentuk mekanisme pengaduan anak yang aman.");
    expect(lks[0]!.body).toContain(`berlaku sampai ${year + 3}`);
    // A second decision (another key) is refused.
    await expectProblem(await decide(app, { ...body, expectedVersion: version + 1 }), 409, "conflict");

    // The LKS and its Dinsos read it through their tenant; the Dinsos gets the report, without blind levels.
    const operator = (await login("lks@akrab.test")).token;
    const seen = await api(`/api/v1/t/${app.slug}/applications/${app.id}/decision`, { token: operator });
    expect(seen.status).toBe(200);
    expect(await seen.json()).toMatchObject({
      decision: { grade: "B", validUntil: `${year + 3}${today.slice(4)}` },
      recommendations: "Bentuk mekanisme pengaduan anak yang aman.",
    });
    const dinsosToken = (await login("dinsos.kota-tangerang@akrab.test")).token;
    const report = await api(`/api/v1/t/${app.slug}/applications/${app.id}/visit-report.pdf`, { token: dinsosToken });
    expect(report.status).toBe(200);
    const text = pdfText(await PDFDocument.load(await report.arrayBuffer()));
    expect(text).toContain("Bentuk mekanisme pengaduan anak yang aman.");
    expect(text).not.toContain("A1 = ");
    await expectProblem(
      await api(`/api/v1/t/${app.slug}/applications/${app.id}/visit-report.pdf`, { token: operator }),
      404,
      "not-found",
    );
  });

  it("refuses to accredit over a safeguarding finding; not accredited carries its reasons and what to fix", async () => {
    const finding = { indicator: "", kind: "bullying" };
    const app = await scoredApplication("Panti Asuhan Al-Hikmah Rangkasbitung", {
      lead: (indicator) => fromTop(indicator, 0),
      member: (indicator) => {
        if (indicator.safeguarding && !finding.indicator) finding.indicator = indicator.code;
        return fromTop(indicator, 0);
      },
      get memberFindings() {
        return [finding];
      },
    });
    const top = app.indicators.find((i) => i.code === finding.indicator)!;
    await toDecision(app, [{ code: finding.indicator, level: fromTop(top, 0) }]);
    const { version } = await applicationRow(app.id);
    const page = (await (
      await api(`${N}/applications/${app.slug}/${app.id}/decision`, { token: app.balks })
    ).json()) as DecisionView;
    expect(page.computed.outcome).toBe("not_accredited");
    expect(page.computed.reasons.map((r) => r.code)).toContain("safeguarding_finding");
    expect(page.findings).toEqual([{ indicator: finding.indicator, kind: "bullying", label: expect.any(Object) }]);

    const before = await sideEffects(app);
    const overFinding = await expectProblem(
      await decide(app, {
        kind: "accredit",
        grade: "A",
        reasons: "Nilai sangat tinggi",
        justification: "Pleno menilai temuan sudah ditangani oleh yayasan dan tidak terulang lagi sejak itu.",
        plenary: PLENARY,
        expectedVersion: version,
      }),
      400,
      "validation",
    );
    expect(overFinding.errors?.map((e) => e.path)).toEqual(["kind"]);
    const nothingToFix = await expectProblem(
      await decide(app, {
        kind: "not_accredited",
        reasons: "Ada temuan perundungan",
        plenary: PLENARY,
        expectedVersion: version,
      }),
      400,
      "validation",
    );
    expect(nothingToFix.errors?.map((e) => e.path)).toEqual(["toFix"]);
    expect(await sideEffects(app)).toEqual(before);

    const declined = await decide(app, {
      kind: "not_accredited",
      reasons: "Ada temuan perundungan terhadap anak asuh",
      toFix: ["Tangani kasus perundungan dan laporkan ke Dinsos", "Susun SOP perlindungan anak"],
      plenary: { ...PLENARY, outcome: { kind: "vote", for: 2, against: 0, abstain: 1 } },
      expectedVersion: version,
    });
    expect(declined.status, await declined.clone().text()).toBe(201);
    const recorded = (await declined.json()) as DecisionView;
    expect(recorded.decision).toMatchObject({
      kind: "not_accredited",
      grade: null,
      validUntil: null,
      departsFromComputed: false,
    });
    expect(await applicationRow(app.id)).toMatchObject({ step: "not_accredited", open: 0 });
    const lebak = (await outboxFor("dinsos.lebak@akrab.test")).filter((m) => m.subject.includes("tidak terakreditasi"));
    expect(lebak).toHaveLength(1);
    expect(lebak[0]!.body).toContain("Susun SOP perlindungan anak");
    const dinsos = (await login("dinsos.lebak@akrab.test")).token;
    const seen = (await (
      await api(`/api/v1/t/${app.slug}/applications/${app.id}/decision`, { token: dinsos })
    ).json()) as { decision: { toFix: string[] }; findings: unknown[] };
    expect(seen.decision.toFix).toEqual([
      "Tangani kasus perundungan dan laporkan ke Dinsos",
      "Susun SOP perlindungan anak",
    ]);
    expect(seen.findings).toHaveLength(1);
    expect(await count("SELECT count(*) AS n FROM audit_events WHERE action = 'application.decided'")).toBe(2);
  });
});
