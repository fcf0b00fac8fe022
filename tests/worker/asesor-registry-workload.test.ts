import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { api, login, outboxFor } from "./helpers.ts";

/** Issue 13 on the web: the registry lists each asesor's open workload, as the team ranking counts it. */
const N = "/api/v1/national";
const key = () => ({ "idempotency-key": crypto.randomUUID() });

type Row = { id: string; openAssignments: number };

async function openAssignmentsOf(token: string, name: string): Promise<number | undefined> {
  const res = await api(`${N}/asesors?q=${encodeURIComponent(name)}`, { token });
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: (Row & { name: string })[] }).items.find((r) => r.name === name)
    ?.openAssignments;
}

describe("the asesor registry's open assignments", () => {
  it("counts the open applications an asesor is invited to or on, and no closed one", async () => {
    const { token } = await login("balks@akrab.test");
    const name = `Asesor Beban ${crypto.randomUUID().slice(0, 6)}`;
    const email = `beban.${crypto.randomUUID().slice(0, 8)}@akrab.test`;
    const created = await api(`${N}/asesors`, {
      method: "POST",
      token,
      headers: key(),
      json: {
        name,
        email,
        provinceCode: "31",
        kabKotaCode: "31.71",
        background: "practitioner",
        lksTypes: ["LKSA"],
      },
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const { id } = (await created.json()) as Row;
    expect(await openAssignmentsOf(token, name)).toBe(0);

    // Kasih Bunda (LKSA, Kota Tangerang) with an application at asesor assignment.
    const applicationId = crypto.randomUUID();
    const now = new Date().toISOString();
    await env.DB.prepare(
      "UPDATE applications SET open = 0, step = 'withdrawn' WHERE lks_id = (SELECT id FROM lks WHERE name = ?)",
    )
      .bind("Panti Asuhan Kasih Bunda")
      .run();
    await env.DB.prepare(
      `INSERT INTO applications (id, tenant_id, lks_id, kind, step, workflow_version, open, letter, checklist, return_items, step_entered_at, version, created_at, updated_at)
       SELECT ?, l.tenant_id, l.id, 'first', 'asesor_assignment', 1, 1, '{}', '[]', '[]', ?, 1, ?, ? FROM lks l WHERE l.name = ?`,
    )
      .bind(applicationId, now, now, now, "Panti Asuhan Kasih Bunda")
      .run();
    const invited = await api(`${N}/applications/kota-tangerang/${applicationId}/team`, {
      method: "POST",
      token,
      headers: key(),
      json: { members: [{ asesorId: id, role: "member" }] },
    });
    expect(invited.status, await invited.clone().text()).toBe(201);
    expect(await openAssignmentsOf(token, name)).toBe(1);
    // The invitation email leads to the asesor's assignments page on the web.
    const [mail] = await outboxFor(email);
    expect(mail?.body).toMatch(/https?:\/\/[^\s]+\/penugasan(\s|$)/);

    // A closed application no longer counts.
    await env.DB.prepare("UPDATE applications SET open = 0 WHERE id = ?").bind(applicationId).run();
    expect(await openAssignmentsOf(token, name)).toBe(0);
  });
});
