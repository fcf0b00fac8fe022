import { describe, expect, it } from "vitest";
import { api, expectProblem } from "./helpers.ts";
import { fullBatch, key, N, saveSheet, submitSheet, visitReady } from "./visit-support.ts";

/**
 * The whole assessment after the team accepted, through the API only: both asesors sync and submit
 * their blind sheets, the visit is recorded, the flagged difference is reconciled and signed, the
 * scores go to the decider, who accredits with the grade the rules give.
 */
describe("from the synced blind sheets to the decision", () => {
  it("reconciles what the asesors synced and decides on it", async () => {
    const visit = await visitReady();
    const first = visit.indicators[0]!.code;
    // Both at the second level from the top (3 of 0–4), but the member two levels lower on the first indicator.
    const top = (i: number) => visit.indicators[i]!.levels.length - 2;
    expect(
      (
        await saveSheet(
          visit.lead,
          fullBatch(visit, (_, i) => top(i)),
        )
      ).status,
    ).toBe(200);
    expect(
      (
        await saveSheet(
          visit.member,
          fullBatch(visit, (_, i) => (i === 0 ? top(i) - 2 : top(i))),
        )
      ).status,
    ).toBe(200);
    const reconciliation = (who: typeof visit.lead, rest = "") =>
      `/api/v1/me/assignments/${who.assignmentId}/reconciliation${rest}`;
    // Blind until both submitted.
    expect((await submitSheet(visit.lead)).status).toBe(200);
    await expectProblem(await api(reconciliation(visit.lead), { token: visit.lead.token }), 409, "conflict");
    expect((await submitSheet(visit.member)).status).toBe(200);

    const transition = async (token: string, action: string) => {
      const app = (await (
        await api(`/api/v1/t/${visit.slug}/applications/${visit.applicationId}`, { token })
      ).json()) as {
        version: number;
      };
      return api(`/api/v1/t/${visit.slug}/applications/${visit.applicationId}/transitions`, {
        method: "POST",
        token,
        headers: key(),
        json: { action, expectedVersion: app.version },
      });
    };
    expect((await transition(visit.lead.token, "record_visit")).status).toBe(200);

    const sheet = (await (await api(reconciliation(visit.lead), { token: visit.lead.token })).json()) as {
      version: number;
      indicators: { code: string; flags: { code: string }[] }[];
    };
    expect(sheet.indicators.filter((r) => r.flags.length > 0).map((r) => r.code)).toEqual([first]);
    await expectProblem(await transition(visit.lead.token, "submit_scores"), 409, "conflict");

    const write = async (who: typeof visit.lead, rest: string, method: string, json: Record<string, unknown>) => {
      const res = await api(reconciliation(who, rest), { method, token: who.token, headers: key(), json });
      expect(res.status, await res.clone().text()).toBe(200);
      return ((await res.json()) as { version: number }).version;
    };
    let v = await write(visit.lead, `/proposals/${first}`, "PUT", {
      level: visit.indicators[0]!.levels[top(0)]!,
      reason: "Dokumen dan praktik sesuai setelah dicek ulang",
      expectedVersion: sheet.version,
    });
    v = await write(visit.member, `/responses/${first}`, "PUT", { agree: true, expectedVersion: v });
    v = await write(visit.lead, "/sign", "POST", { expectedVersion: v });
    await write(visit.member, "/sign", "POST", { expectedVersion: v });
    expect((await transition(visit.member.token, "submit_scores")).status).toBe(200);

    const page = (await (
      await api(`${N}/applications/${visit.slug}/${visit.applicationId}/decision`, { token: visit.balks })
    ).json()) as { application: { version: number }; computed: { grade: string | null } };
    expect(page.computed.grade).toBe("B");
    const decided = await api(`${N}/applications/${visit.slug}/${visit.applicationId}/decision`, {
      method: "POST",
      token: visit.balks,
      headers: key(),
      json: {
        kind: "accredit",
        grade: "B",
        reasons: "Memenuhi standar",
        plenary: {
          date: "2026-01-02",
          members: ["Prof. Haryati", "Drs. Mulyadi", "Dr. Yohana Sinaga"],
          outcome: { kind: "consensus" },
        },
        expectedVersion: page.application.version,
      },
    });
    expect(decided.status, await decided.clone().text()).toBe(201);
    expect(await decided.json()).toMatchObject({ application: { step: "accredited" }, decision: { grade: "B" } });
  });
});
