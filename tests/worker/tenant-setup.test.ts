/**
 * The tenant admin's setup list (issue 10): a newly approved Dinsos sees profile and logo, invite
 * colleagues, review the workflow and checklist until done or hidden; marks are stamped once.
 */
import { describe, expect, it } from "vitest";
import { api, auditActions, expectProblem, linkTokenFor, login } from "./helpers.ts";

const PNG = Uint8Array.from(
  atob("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="),
  (ch) => ch.charCodeAt(0),
);

/** A kab/kota Dinsos signs up, is approved, and its first admin accepts the invitation. */
async function newDinsos(regionCode: string): Promise<{ token: string; t: string }> {
  const email = `dinsos.${regionCode}@pemda.go.id`;
  const signup = await api("/api/v1/public/tenant-signups", {
    method: "POST",
    json: {
      regionCode,
      officeName: `Dinas Sosial ${regionCode}`,
      officialEmail: email,
      contactName: "Rahmat Hidayat",
      contactPhone: "0254-123456",
    },
  });
  const { id } = (await signup.json()) as { id: string };
  const platform = await login("admin@akrab.test");
  const approved = await api(`/api/v1/national/tenant-signups/${id}/approve`, {
    method: "POST",
    token: platform.token,
  });
  expect(approved.status).toBe(200);
  const { tenant } = (await approved.json()) as { tenant: { slug: string } };
  const invite = await linkTokenFor(email, "/invite/");
  await api(`/api/v1/auth/invitations/${invite}/accept`, {
    method: "POST",
    json: { name: "Rahmat Hidayat", password: "serang-madani-2026" },
  });
  const { token, memberships } = await login(email, "serang-madani-2026");
  // The invited role first: the first membership is the one acted in, and the setup list is the admin's.
  expect(memberships.map((m: { role: string }) => m.role)).toEqual(["tenant_admin", "dinsos_verifier", "dinsos_head"]);
  return { token, t: `/api/v1/t/${tenant.slug}` };
}

type Setup = { steps: { id: string; done: boolean }[]; complete: boolean; dismissed: boolean; show: boolean };
const done = (setup: Setup) => Object.fromEntries(setup.steps.map((s) => [s.id, s.done]));

describe("the setup list of a new Dinsos", () => {
  it("starts open, ticks each step as the admin does it, and disappears when complete", async () => {
    const { token, t } = await newDinsos("36.73");
    const read = async () => (await (await api(`${t}/setup`, { token })).json()) as Setup;
    expect(await read()).toEqual({
      steps: [
        { id: "profile", done: false },
        { id: "colleagues", done: false },
        { id: "workflow", done: false },
      ],
      complete: false,
      dismissed: false,
      show: true,
    });

    // Profile: an address (the phone came with the sign-up) and a logo.
    await api(`${t}/profile`, { method: "PATCH", token, json: { address: "Jl. Ki Mas Jong No. 5" } });
    expect(done(await read()).profile).toBe(false);
    const logo = await api(`${t}/logo`, {
      method: "PUT",
      token,
      headers: { "content-type": "image/png" },
      body: PNG,
    });
    expect(logo.status).toBe(204);
    expect(done(await read()).profile).toBe(true);

    // Colleagues: an LKS operator's invitation does not count, a verifier's does.
    await api(`${t}/invitations`, {
      method: "POST",
      token,
      json: { email: "verifikator@serangkota.go.id", role: "dinsos_verifier" },
    });
    expect(done(await read()).colleagues).toBe(true);

    // Workflow: marked reviewed; sending it again keeps the first stamp and audits once.
    const marked = await api(`${t}/setup`, { method: "PATCH", token, json: { workflowReviewed: true } });
    expect(marked.status).toBe(200);
    expect(await marked.json()).toMatchObject({ complete: true, show: false, dismissed: false });
    const again = await api(`${t}/setup`, { method: "PATCH", token, json: { workflowReviewed: true } });
    expect((await again.json()) as Setup).toMatchObject({ complete: true });
    expect((await auditActions({ action: "tenant.workflow_reviewed" })).length).toBe(1);
  });

  it("hides when dismissed, refuses an empty mark, and is the admin's only", async () => {
    const { token, t } = await newDinsos("36.72");
    const bad = await expectProblem(await api(`${t}/setup`, { method: "PATCH", token, json: {} }), 400, "validation");
    expect(bad.errors?.[0]?.message).toContain("Pilih yang ditandai");
    expect((await (await api(`${t}/setup`, { token })).json()) as Setup).toMatchObject({
      show: true,
    });
    const hidden = await api(`${t}/setup`, { method: "PATCH", token, json: { dismissed: true } });
    expect(await hidden.json()).toMatchObject({ complete: false, dismissed: true, show: false });

    // Another tenant's admin does not see it exist; the tenant's LKS operator may not read it.
    const other = await login("dinsos.lebak@akrab.test");
    await expectProblem(await api(`${t}/setup`, { token: other.token }), 404, "not-found");
    const lks = await login("lks@akrab.test");
    await expectProblem(await api("/api/v1/t/kota-tangerang/setup", { token: lks.token }), 403, "forbidden");
  });

  it("publishing the workflow counts as reviewing it", async () => {
    const { token, t } = await newDinsos("36.74");
    const workflow = (await (await api(`${t}/workflow`, { token })).json()) as {
      published: { version: number; regional: unknown };
    };
    const saved = await api(`${t}/workflow/draft`, {
      method: "PUT",
      token,
      json: { regional: workflow.published.regional },
    });
    expect(saved.status, await saved.clone().text()).toBe(200);
    const published = await api(`${t}/workflow/publish`, { method: "POST", token });
    expect(published.status, await published.clone().text()).toBe(200);
    const setup = (await (await api(`${t}/setup`, { token })).json()) as Setup;
    expect(done(setup).workflow).toBe(true);
  });
});
