import { env } from "cloudflare:workers";
import { PDFDocument } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { applicationRow, count, fromTop, key, N, scoredApplication } from "./assessment-fixture.ts";
import { api, expectProblem, login } from "./helpers.ts";
import { pdfText } from "./pdf-text.ts";

/**
 * Issue 13 "Reconciliation": the team's blind sheets lined up with the domain's flags, the lead's
 * proposals, the member's answers, sign-off and its refusals, stale writes, idempotent replays,
 * the `submit_scores` gate and the visit report.
 */
type View = {
  version: number;
  lead: string;
  team: { asesorId: string; name: string; role: string; signedAt: string | null }[];
  indicators: {
    code: string;
    safeguarding: boolean;
    levels: { asesorId: string; level: number | null }[];
    flags: { code: string }[];
    automatic: number | null;
    proposal: { level: number; reason: string } | null;
    responses: { asesorId: string; agree: boolean; note: string }[];
    reconciled: number | null;
  }[];
  strengths: string;
  recommendations: string;
  signedOff: boolean;
  reasons: { code: string; text: { id: string } }[];
  result: { total: number | null; outcome: string; grade: string | null };
  you: { mayPropose: boolean; mayRespond: boolean; maySign: boolean };
};

let app: Awaited<ReturnType<typeof scoredApplication>>;
/** The indicator 2 levels apart, and the safeguarding one 1 level apart. */
let wide: string;
let safeguarding: string;

const me = (assignmentId: string, rest = "") => `/api/v1/me/assignments/${assignmentId}/reconciliation${rest}`;
const view = async (who: { assignmentId: string; token: string }) => {
  const res = await api(me(who.assignmentId), { token: who.token });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as View;
};
const propose = (level: number, reason: string, expectedVersion: number, code = wide, headers = key()) =>
  api(me(app.lead.assignmentId, `/proposals/${code}`), {
    method: "PUT",
    token: app.lead.token,
    headers,
    json: { level, reason, expectedVersion },
  });
const respond = (agree: boolean, note: string, expectedVersion: number, code = wide) =>
  api(me(app.member.assignmentId, `/responses/${code}`), {
    method: "PUT",
    token: app.member.token,
    headers: key(),
    json: { agree, note, expectedVersion },
  });
const sign = (who: { assignmentId: string; token: string }, expectedVersion: number) =>
  api(me(who.assignmentId, "/sign"), { method: "POST", token: who.token, headers: key(), json: { expectedVersion } });
const blindLevels = () =>
  env.DB.prepare(
    "SELECT e.sheet_id, e.indicator, e.level, e.version FROM score_entries e JOIN score_sheets s ON s.id = e.sheet_id WHERE s.application_id = ? ORDER BY 1, 2",
  )
    .bind(app.id)
    .all()
    .then((r) => r.results);

beforeAll(async () => {
  app = await scoredApplication("Panti Asuhan Kasih Bunda", {
    lead: (indicator) => fromTop(indicator, 1),
    // The first indicator two levels lower; the first safeguarding indicator one level lower.
    member: (indicator, i) =>
      i === 0
        ? fromTop(indicator, 3)
        : indicator.safeguarding && !safeguarding
          ? mark(indicator)
          : fromTop(indicator, 1),
    memberSubmitted: false,
  });
  wide = app.indicators[0]!.code;
});

/** Marks the first safeguarding indicator met and scores it one level under the lead. */
function mark(indicator: { code: string; levels: { score: number }[] }) {
  safeguarding = indicator.code;
  return indicator.levels[indicator.levels.length - 3]!.score;
}

describe("reconciliation", () => {
  it("waits for every sheet: a 409 naming who has not submitted, and no one's levels", async () => {
    const res = await api(me(app.lead.assignmentId), { token: app.lead.token });
    const problem = await expectProblem(res, 409, "conflict");
    expect(problem.errors).toEqual([{ path: `team.${app.member.id}`, message: expect.stringContaining("Bambang") }]);
    await env.DB.prepare("UPDATE score_sheets SET submitted_at = ? WHERE assignment_id = ?")
      .bind(new Date().toISOString(), app.member.assignmentId)
      .run();
  });

  it("lines both sheets up with the domain's flags, for the team and for BALKS; nobody else reaches it", async () => {
    const sheet = await view(app.lead);
    expect(sheet.version).toBe(0);
    expect(sheet.lead).toBe(app.lead.id);
    const flagged = sheet.indicators.filter((r) => r.flags.length > 0);
    expect(flagged.map((r) => [r.code, r.flags.map((f) => f.code)])).toEqual([
      [wide, ["difference"]],
      [safeguarding, ["safeguarding"]],
    ]);
    const quiet = sheet.indicators.find((r) => r.flags.length === 0)!;
    expect(quiet.reconciled).toBe(quiet.automatic);
    expect(sheet.indicators[0]!.levels).toEqual([
      { asesorId: app.lead.id, level: fromTop(app.indicators[0]!, 1) },
      { asesorId: app.member.id, level: fromTop(app.indicators[0]!, 3) },
    ]);
    // Unagreed flagged indicators are blank, so no grade yet.
    expect(sheet.result.outcome).toBe("incomplete");
    expect(sheet.you).toEqual({ asesorId: app.lead.id, mayPropose: true, mayRespond: false, maySign: true });
    expect((await view(app.member)).you).toMatchObject({ mayPropose: false, mayRespond: true });

    const national = await api(`${N}/applications/${app.slug}/${app.id}/reconciliation`, { token: app.balks });
    expect(national.status).toBe(200);
    expect(((await national.json()) as View).indicators.length).toBe(sheet.indicators.length);

    // Another asesor, and the lead's assignment id in the member's hands, are 404s.
    await expectProblem(await api(me(app.lead.assignmentId), { token: app.member.token }), 404, "not-found");
    const dinsos = (await login("dinsos.kota-tangerang@akrab.test")).token;
    await expectProblem(
      await api(`${N}/applications/${app.slug}/${app.id}/reconciliation`, { token: dinsos }),
      404,
      "not-found",
    );
  });

  it("refuses bad proposals by field, and a replayed proposal changes the sheet once", async () => {
    const blind = await blindLevels();
    const level = fromTop(app.indicators[0]!, 2);
    const byMember = await api(me(app.member.assignmentId, `/proposals/${wide}`), {
      method: "PUT",
      token: app.member.token,
      headers: key(),
      json: { level, reason: "Bukti cukup kuat untuk tingkat ini", expectedVersion: 0 },
    });
    expect((await expectProblem(byMember, 400, "validation")).errors?.[0]?.path).toBe("asesorId");
    expect((await expectProblem(await propose(99, "Bukti cukup kuat", 0), 400, "validation")).errors?.[0]?.path).toBe(
      "level",
    );
    const quiet = (await view(app.lead)).indicators.find((r) => r.flags.length === 0)!.code;
    expect(
      (await expectProblem(await propose(level, "Bukti cukup kuat", 0, quiet), 400, "validation")).errors?.[0]?.path,
    ).toBe("indicator");
    expect((await expectProblem(await propose(level, "sesuai", 0), 400, "validation")).errors?.[0]?.path).toBe(
      "reason",
    );
    expect(await count("SELECT count(*) AS n FROM reconciliations WHERE application_id = ?", app.id)).toBe(0);

    const headers = key();
    const answers = [];
    for (let i = 0; i < 5; i++)
      answers.push(await propose(level, "Dokumen SOP ada, praktik belum konsisten", 0, wide, headers));
    for (const res of answers) expect(res.status).toBe(200);
    const bodies = (await Promise.all(answers.map((r) => r.json()))) as View[];
    expect(new Set(bodies.map((b) => JSON.stringify(b))).size).toBe(1);
    expect(bodies[0]!.version).toBe(1);
    expect((await view(app.lead)).version).toBe(1);
    expect(await count("SELECT count(*) AS n FROM audit_events WHERE action = 'reconciliation.proposed'")).toBe(1);
    // The blind sheets are never changed.
    expect(await blindLevels()).toEqual(blind);
  });

  it("answers a stale write with 409 and changes nothing", async () => {
    const before = await view(app.lead);
    await expectProblem(await propose(fromTop(app.indicators[0]!, 1), "Alasan yang cukup panjang", 0), 409, "conflict");
    await expectProblem(await respond(true, "", 0), 409, "conflict");
    expect(await view(app.lead)).toEqual(before);
  });

  it("refuses sign-off while a flagged indicator has no agreed proposal; a disagreement needs a reason", async () => {
    let version = (await view(app.lead)).version;
    const refused = await expectProblem(await sign(app.lead, version), 400, "validation");
    expect(refused.errors?.map((e) => e.message).join(" ")).toContain(safeguarding);
    expect((await expectProblem(await respond(false, "", version), 400, "validation")).errors?.[0]?.path).toBe("note");
    const disagreed = await respond(false, "Di lapangan tidak ada SOP tertulis", version);
    expect(disagreed.status).toBe(200);
    const after = (await disagreed.json()) as View;
    expect(after.indicators[0]!.responses).toEqual([
      { asesorId: app.member.id, agree: false, note: "Di lapangan tidak ada SOP tertulis" },
    ]);
    version = after.version;
    await expectProblem(await sign(app.lead, version), 400, "validation");
  });

  it("is signed off when every flagged indicator is agreed and both signed; any later change clears the signatures", async () => {
    let v = (await view(app.lead)).version;
    const agreeOn = async (code: string, level: number) => {
      const proposed = await propose(level, "Disepakati setelah melihat bukti foto", v, code);
      expect(proposed.status, await proposed.clone().text()).toBe(200);
      v = ((await proposed.json()) as View).version;
      const agreed = await respond(true, "", v, code);
      expect(agreed.status).toBe(200);
      v = ((await agreed.json()) as View).version;
    };
    await agreeOn(wide, fromTop(app.indicators[0]!, 2));
    const guard = app.indicators.find((i) => i.code === safeguarding)!;
    await agreeOn(safeguarding, fromTop(guard, 2));

    const report = await api(me(app.lead.assignmentId, "/report"), {
      method: "PUT",
      token: app.lead.token,
      headers: key(),
      json: {
        strengths: "Pengasuh mengenal setiap anak.",
        recommendations: "Susun SOP pengaduan anak dan latih pengasuh baru.",
        expectedVersion: v,
      },
    });
    expect(report.status).toBe(200);
    v = ((await report.json()) as View).version;
    const byMember = await api(me(app.member.assignmentId, "/report"), {
      method: "PUT",
      token: app.member.token,
      headers: key(),
      json: { strengths: "x", recommendations: "y", expectedVersion: v },
    });
    expect((await expectProblem(byMember, 400, "validation")).errors?.[0]?.path).toBe("asesorId");

    const leadSigned = await sign(app.lead, v);
    expect(leadSigned.status).toBe(200);
    v = ((await leadSigned.json()) as View).version;
    const both = await sign(app.member, v);
    const done = (await both.json()) as View;
    expect(done.signedOff).toBe(true);
    expect(done.team.every((m) => m.signedAt !== null)).toBe(true);
    expect(done.result).toMatchObject({ outcome: "graded", grade: "B" });
    // Signed: the member's answers are read-only for them (answering again would clear every signature).
    expect(done.you).toMatchObject({ mayRespond: false, maySign: false });

    // A new proposal after sign-off: the signatures and the member's agreement go.
    const changed = await propose(fromTop(app.indicators[0]!, 1), "Ternyata ada SOP di arsip kantor", done.version);
    const reopened = (await changed.json()) as View;
    expect(reopened.signedOff).toBe(false);
    expect(reopened.team.map((m) => m.signedAt)).toEqual([null, null]);
    expect(reopened.indicators[0]!.responses).toEqual([]);
    expect((await view(app.member)).you).toMatchObject({ mayRespond: true, maySign: true });
    v = reopened.version;
    const agreed = await respond(true, "", v);
    v = ((await agreed.json()) as View).version;
    v = ((await (await sign(app.lead, v)).json()) as View).version;
    // Not yet signed by the member: `submit_scores` is refused, naming what is missing.
    const app0 = await applicationRow(app.id);
    const early = await api(`/api/v1/t/${app.slug}/applications/${app.id}/transitions`, {
      method: "POST",
      token: app.lead.token,
      headers: key(),
      json: { action: "submit_scores", expectedVersion: app0.version },
    });
    const refusal = await expectProblem(early, 409, "conflict");
    expect(refusal.errors).toEqual([{ path: "reconciliation.unsigned", message: expect.stringContaining("Bambang") }]);
    expect(await applicationRow(app.id)).toEqual(app0);
    // The visit report waits for the signatures too.
    await expectProblem(
      await api(`/api/v1/me/assignments/${app.lead.assignmentId}/visit-report.pdf`, { token: app.lead.token }),
      409,
      "conflict",
    );
    expect((await sign(app.member, v)).status).toBe(200);
  });

  it("lets the scores go to the decider once signed off, and then freezes the sheet", async () => {
    const { version } = await applicationRow(app.id);
    const res = await api(`/api/v1/t/${app.slug}/applications/${app.id}/transitions`, {
      method: "POST",
      token: app.lead.token,
      headers: key(),
      json: { action: "submit_scores", expectedVersion: version },
    });
    expect(res.status, await res.clone().text()).toBe(200);
    expect((await applicationRow(app.id)).step).toBe("decision");
    const current = await view(app.lead);
    expect(current.you).toMatchObject({ mayPropose: false, maySign: false });
    await expectProblem(
      await propose(fromTop(app.indicators[0]!, 2), "Terlambat mengubah", current.version),
      409,
      "conflict",
    );
  });

  it("gives the visit report to the team and BALKS with both signatures; the Dinsos waits for the decision", async () => {
    // The visit as its plan recorded it: the day of the stop and the companion the Dinsos named.
    await env.DB.batch([
      env.DB.prepare(
        `INSERT INTO visit_plans (id, status, notes, starts_on, ends_on, cancel_reason, version, created_by, created_at, updated_at)
         SELECT 'report-plan', 'active', NULL, '2026-11-03', '2026-11-03', NULL, 1, id, '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z'
         FROM users WHERE email = 'balks@akrab.test'`,
      ),
      env.DB.prepare(
        `INSERT INTO visit_plan_stops (plan_id, application_id, tenant_id, visit_date, position, active)
         SELECT 'report-plan', id, tenant_id, '2026-11-03', 0, 1 FROM applications WHERE id = ?`,
      ).bind(app.id),
      env.DB.prepare(
        `INSERT INTO visit_companions (application_id, tenant_id, companions, version, updated_by, updated_at)
         SELECT a.id, a.tenant_id, '[{"name":"Budi Santoso","position":"Pekerja sosial"}]', 1, u.id, '2026-11-01T00:00:00.000Z'
         FROM applications a, users u WHERE a.id = ? AND u.email = 'balks@akrab.test'`,
      ).bind(app.id),
    ]);
    for (const [path, token] of [
      [`/api/v1/me/assignments/${app.member.assignmentId}/visit-report.pdf`, app.member.token],
      [`${N}/applications/${app.slug}/${app.id}/visit-report.pdf`, app.balks],
    ] as const) {
      const res = await api(path, { token });
      expect(res.status, path).toBe(200);
      expect(res.headers.get("content-type")).toBe("application/pdf");
      const text = pdfText(await PDFDocument.load(await res.arrayBuffer()));
      expect(text).toContain("Laporan Visitasi Akreditasi LKS");
      expect(text).toContain("Panti Asuhan Kasih Bunda");
      expect(text).toMatch(
        /Dr\. Sri Wahyuni \(Ketua \/ Lead\): ditandatangani \/ signed \d{4}-\d{2}-\d{2} \d{2}:\d{2} WIB/,
      );
      expect(text).toMatch(/Bambang Prasetyo \(Anggota \/ Member\): ditandatangani \/ signed/);
      expect(text).toContain("Susun SOP pengaduan anak");
      expect(text).toContain("Tanggal / Dates: 2026-11-03");
      expect(text).toContain("Budi Santoso");
      expect(text).toContain("predikat / grade B");
      expect(text).toContain("A1 = Dr. Sri Wahyuni");
    }
    const dinsos = (await login("dinsos.kota-tangerang@akrab.test")).token;
    await expectProblem(
      await api(`/api/v1/t/${app.slug}/applications/${app.id}/visit-report.pdf`, { token: dinsos }),
      404,
      "not-found",
    );
  });
});
