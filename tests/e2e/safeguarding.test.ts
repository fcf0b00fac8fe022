/**
 * A safeguarding finding on the visit (issue 13), from the asesor's phone to the decision: the lead
 * asesor of Budi Mulia's team (fixtures/safeguarding.sql), with no signal at all, reports a finding
 * through the scoring page's form; it waits on the device (through a reload) and, once there is
 * signal, syncs; BALKS and the province's Dinsos each get exactly one alert; the sheets, the
 * visit and the reconciliation's sign-off go through the API (their pages are decision.test.ts's
 * and visit-scoring.test.ts's); the decider's form then refuses to accredit and says why.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  apiCall,
  apiSignIn,
  controlledByServiceWorker,
  launch,
  login,
  open,
  overflowsHorizontally,
  shot,
  transition,
  wholeShellOnDevice,
} from "./helpers.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const TENANT = "prov-dki-jakarta";
const APPLICATION = "e2e05a13-0000-4000-8000-000000005a13";
const LKS = "Panti Sosial Tresna Werdha Budi Mulia 1";
const LEAD = { email: "ketua.perlindungan@akrab.test", assignment: "e2e05a13-0000-4000-8000-00000000d001" };
const MEMBER = { email: "anggota.perlindungan@akrab.test", assignment: "e2e05a13-0000-4000-8000-00000000d002" };
const PHONE = { width: 360, height: 780 };
const DESCRIPTION = "Seorang penghuni terkunci di kamar tanpa pengawasan sepanjang siang.";

/** The alerts of this application in a person's notifications. */
async function alertsOf(email: string): Promise<{ title: string; body: string }[]> {
  const { cookie } = await apiSignIn(email);
  const page = (await apiCall(cookie, "GET", "/api/v1/notifications")) as {
    items: { title: string; body: string; link: string }[];
  };
  return page.items.filter((n) => n.link.includes(APPLICATION) && n.title.startsWith("Temuan perlindungan"));
}

describe("a safeguarding finding (issue 13)", () => {
  test("reported offline on the scoring page, synced once, alerts BALKS and the Dinsos once each, and bars accreditation", {
    timeout: 300_000,
  }, async () => {
    const lead = await apiSignIn(LEAD.email);
    const member = await apiSignIn(MEMBER.email);
    const pack = (await apiCall(lead.cookie, "GET", `/api/v1/me/assignments/${LEAD.assignment}/pack`)) as {
      instrument: {
        standards: {
          aspects: { indicators: { code: string; safeguarding: boolean; levels: { score: number }[] }[] }[];
        }[];
      };
      checklist: { code: string }[];
    };
    const indicators = pack.instrument.standards.flatMap((s) => s.aspects.flatMap((a) => a.indicators));
    const guarded = indicators.find((i) => i.safeguarding);
    if (!guarded) throw new Error("the LKS-LU instrument has a safeguarding indicator");
    // Both sheets whole and alike (nothing flagged but the finding), through the API.
    for (const [who, cookie] of [
      [LEAD, lead.cookie],
      [MEMBER, member.cookie],
    ] as const) {
      await apiCall(cookie, "PUT", `/api/v1/me/assignments/${who.assignment}/sheet`, {
        entries: indicators.map((i) => ({
          indicator: i.code,
          level: i.levels.at(-1)!.score,
          note: "",
          baseVersion: 0,
        })),
        documentChecks: pack.checklist.map((d) => ({ code: d.code, present: true, note: "", baseVersion: 0 })),
      });
    }

    // 1. The lead downloads the pack with signal, then loses it.
    const session = await open(browser, PHONE);
    const { page, context } = session;
    await login(page, LEAD.email);
    await controlledByServiceWorker(page);
    await page.goto("/penugasan");
    const card = page.getByTestId("pn-assignment").filter({ hasText: LKS });
    await card.getByTestId("pack-download").click();
    await card.getByTestId("pack-on-device").waitFor();
    await wholeShellOnDevice(page);
    await context.setOffline(true);

    // 2. With no signal: the finding through the form; it waits on the device, through a reload.
    await card.getByTestId("pack-open").click();
    await page.getByRole("heading", { level: 1, name: "Penilaian visitasi" }).waitFor();
    const findings = page.getByTestId("visit-findings");
    await findings.getByTestId("finding-open").click();
    const form = findings.getByTestId("finding-form");
    // Sent without the acknowledgement: refused on the device, nothing written.
    await form.getByLabel("Indikator").selectOption(guarded.code);
    await form.getByLabel("Jenis temuan").selectOption("danger");
    await form.getByLabel("Uraian temuan").fill(DESCRIPTION);
    await form.getByTestId("finding-send").click();
    await form.getByRole("alert").waitFor();
    expect(await findings.getByTestId("finding").count()).toBe(0);
    await form.getByRole("checkbox").check();
    await form.getByTestId("finding-send").click();
    await form.waitFor({ state: "detached" });
    const finding = findings.getByTestId("finding");
    await finding.getByText(/^Belum terkirim sejak /).waitFor({ timeout: 15_000 });
    expect(await finding.innerText()).toContain(DESCRIPTION);
    expect(await overflowsHorizontally(page)).toBe(false);
    await findings.scrollIntoViewIfNeeded();
    await shot(page, "safeguarding-offline-360", false);
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Penilaian visitasi" }).waitFor();
    await findings
      .getByTestId("finding")
      .getByText(/^Belum terkirim sejak /)
      .waitFor({ timeout: 15_000 });
    expect((await alertsOf("balks@akrab.test")).length).toBe(0);

    // 3. Signal again: the outbox sends it, once; BALKS and the Dinsos each get one alert.
    await context.setOffline(false);
    await findings
      .getByTestId("finding")
      .getByText(/^Belum terkirim sejak /)
      .waitFor({ state: "detached", timeout: 60_000 });
    await expect.poll(() => findings.getByTestId("finding").count()).toBe(1);
    const sheet = (await apiCall(lead.cookie, "GET", `/api/v1/me/assignments/${LEAD.assignment}/sheet`)) as {
      findings: { indicator: string; kind: string; description: string }[];
    };
    expect(sheet.findings).toEqual([
      expect.objectContaining({ indicator: guarded.code, kind: "danger", description: DESCRIPTION }),
    ]);
    for (const email of ["balks@akrab.test", "dinsos.jakarta@akrab.test"]) {
      const alerts = await alertsOf(email);
      expect(alerts, email).toHaveLength(1);
      expect(alerts[0]!.body).toContain(DESCRIPTION);
    }

    // 4. The rest of the way through the API: both submit, the visit is recorded, both sign.
    for (const [who, cookie] of [
      [LEAD, lead.cookie],
      [MEMBER, member.cookie],
    ] as const)
      await apiCall(cookie, "POST", `/api/v1/me/assignments/${who.assignment}/sheet/submit`);
    await transition(lead.cookie, TENANT, APPLICATION, "record_visit");
    const reconciliation = (who: typeof LEAD, cookie: string) =>
      apiCall(cookie, "GET", `/api/v1/me/assignments/${who.assignment}/reconciliation`) as Promise<{ version: number }>;
    // The finding's indicator is flagged whatever the levels: the lead proposes, the member agrees.
    const top = guarded.levels.at(-1)!.score;
    await apiCall(
      lead.cookie,
      "PUT",
      `/api/v1/me/assignments/${LEAD.assignment}/reconciliation/proposals/${guarded.code}`,
      {
        level: top,
        reason: "Nilai sama dari kedua asesor; temuan dicatat terpisah.",
        expectedVersion: (await reconciliation(LEAD, lead.cookie)).version,
      },
    );
    await apiCall(
      member.cookie,
      "PUT",
      `/api/v1/me/assignments/${MEMBER.assignment}/reconciliation/responses/${guarded.code}`,
      {
        agree: true,
        expectedVersion: (await reconciliation(MEMBER, member.cookie)).version,
      },
    );
    await apiCall(lead.cookie, "PUT", `/api/v1/me/assignments/${LEAD.assignment}/reconciliation/report`, {
      strengths: "Layanan harian tertata.",
      recommendations: "Hentikan penguncian kamar; tetapkan pengawasan siang.",
      expectedVersion: (await reconciliation(LEAD, lead.cookie)).version,
    });
    for (const [who, cookie] of [
      [LEAD, lead.cookie],
      [MEMBER, member.cookie],
    ] as const) {
      const current = await reconciliation(who, cookie);
      await apiCall(cookie, "POST", `/api/v1/me/assignments/${who.assignment}/reconciliation/sign`, {
        expectedVersion: current.version,
      });
    }
    await transition(member.cookie, TENANT, APPLICATION, "submit_scores");

    // 5. The decider sees the finding; accrediting is refused, and the form says why.
    const decider = await open(browser, PHONE);
    await login(decider.page, "balks@akrab.test");
    await decider.page.goto(`/balks/tim/${TENANT}/${APPLICATION}`);
    const panel = decider.page.getByTestId("dc-panel");
    await panel.getByTestId("dc-form").waitFor();
    expect(await panel.getByTestId("dc-findings").innerText()).toContain(guarded.code);
    await panel.getByTestId("dc-accredit").check();
    await panel.getByTestId("dc-grade").selectOption("B");
    await panel.getByTestId("dc-reasons-input").fill("Layanan memenuhi standar.");
    await panel
      .getByTestId("dc-justification")
      .fill("Tim menilai temuan sudah ditangani pengelola panti sejak visitasi.");
    await panel.getByTestId("dc-date").fill("2026-12-01");
    // A full quorum and a justification: the finding is the one thing in the way.
    await panel.getByTestId("dc-members").fill("Prof. Haryati\nDrs. Mulyadi\nDr. Yohana Sinaga");
    await panel.getByTestId("dc-submit").click();
    const refusal = panel.getByTestId("dc-error");
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain("Tidak dapat diakreditasi: ada temuan perlindungan");
    await refusal.scrollIntoViewIfNeeded();
    expect(await panel.getByTestId("dc-record").count()).toBe(0);
    expect(await overflowsHorizontally(decider.page)).toBe(false);
    await shot(decider.page, "safeguarding-decision-refused-360", false);
    const { cookie: balks } = await apiSignIn("balks@akrab.test");
    const decision = (await apiCall(
      balks,
      "GET",
      `/api/v1/national/applications/${TENANT}/${APPLICATION}/decision`,
    )) as {
      decision: unknown;
      application: { step: string };
    };
    expect(decision.decision).toBeNull();
    expect(decision.application.step).toBe("decision");

    for (const s of [session, decider]) {
      expect(s.pageErrors).toEqual([]);
      expect(s.cspViolations).toEqual([]);
      await s.context.close();
    }
  });
});
