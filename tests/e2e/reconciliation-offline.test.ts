/**
 * The reconciliation with no signal (issue 13, "nothing typed is ever lost"): the lead proposes
 * offline, reloads offline and the proposal is still there marked as not sent; with signal again
 * it is saved once (one proposal, through the API). The same for the lead's report (strengths and
 * recommendations). Then the member agrees and both sign.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  apiCall,
  apiFetch,
  apiSignIn,
  controlledByServiceWorker,
  launch,
  login,
  open,
  overflowsHorizontally,
  shot,
  wholeShellOnDevice,
} from "./helpers.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Al-Hikmah's second application, at the visit with its own team of two (fixtures/reconciliation-offline.sql). */
const LEAD = { email: "ketua.luring@akrab.test" };
const MEMBER = { email: "anggota.luring@akrab.test" };
const LKS = "Panti Asuhan Al-Hikmah Rangkasbitung";
const PHONE = { width: 360, height: 780 };

async function openReconciliation(page: Page): Promise<void> {
  await page.goto("/penugasan");
  await page.getByTestId("pn-assignment").filter({ hasText: LKS }).getByTestId("rk-open").click();
  await page.getByTestId("rk-item").first().waitFor();
}

type Sheet = {
  version: number;
  strengths: string;
  recommendations: string;
  indicators: { code: string; proposal: { level: number; reason: string } | null }[];
};

describe("reconciliation offline (issue 13)", () => {
  test("the lead proposes and writes the report offline, reloads offline, each is sent once with signal; the member agrees and both sign", {
    timeout: 300_000,
  }, async () => {
    // The team and both submitted blind sheets are the fixture's: the first indicator is flagged.
    const lead = { ...(await apiSignIn(LEAD.email)), assignmentId: "e2e0d013-0000-4000-8000-00000000e301" };
    const pack = (await apiCall(lead.cookie, "GET", `/api/v1/me/assignments/${lead.assignmentId}/pack`)) as {
      instrument: { standards: { aspects: { indicators: { code: string; levels: { score: number }[] }[] }[] }[] };
    };
    const indicators = pack.instrument.standards.flatMap((s) => s.aspects.flatMap((a) => a.indicators));
    const top = (i: number) => indicators[i]!.levels.length - 2;
    const flagged = indicators[0]!.code;
    const agreedLevel = indicators[0]!.levels[top(0)]!.score;
    const reason = "Dicek ulang bersama pengasuh: praktik sesuai dokumen";
    const readSheet = async () => {
      const response = await apiFetch(`/api/v1/me/assignments/${lead.assignmentId}/reconciliation`, {
        cookie: lead.cookie,
      });
      expect(response.status).toBe(200);
      return (await response.json()) as Sheet;
    };
    const before = await readSheet();

    // 1. The lead (on a phone) reads the sheet with signal, then loses it and proposes.
    const { page, context } = await open(browser, PHONE);
    await login(page, LEAD.email);
    await controlledByServiceWorker(page);
    await openReconciliation(page);
    await wholeShellOnDevice(page);
    await context.setOffline(true);
    const first = page.getByTestId("rk-item").first();
    expect(await first.getAttribute("data-code")).toBe(flagged);
    await first.getByTestId("rk-level").fill(String(agreedLevel));
    await first.getByTestId("rk-reason").fill(reason);
    await first.getByTestId("rk-propose").click();
    await first.getByTestId("rk-unsent").waitFor();
    expect(await first.getByTestId("rk-unsent").innerText()).toMatch(/^Belum terkirim sejak /);
    expect(await first.getByTestId("rk-proposal").innerText()).toContain(reason);
    expect(await overflowsHorizontally(page)).toBe(false);
    await first.scrollIntoViewIfNeeded();
    await shot(page, "reconciliation-offline-unsent-360", false);

    // 2. Reloaded with no signal: the proposal is still on the device, still marked as not sent, and
    // its form holds what waits; edited there, it replaces the waiting proposal (never a second one).
    await page.reload();
    await page.getByTestId("pn-assignment").filter({ hasText: LKS }).getByTestId("rk-open").click();
    const again = page.getByTestId("rk-item").first();
    await again.getByTestId("rk-unsent").waitFor({ timeout: 15_000 });
    expect(await again.getByTestId("rk-proposal").innerText()).toContain(reason);
    await expect.poll(() => again.getByTestId("rk-reason").inputValue(), { timeout: 10_000 }).toBe(reason);
    expect(await again.getByTestId("rk-level").inputValue()).toBe(String(agreedLevel));
    await again.scrollIntoViewIfNeeded();
    await shot(page, "reconciliation-offline-reloaded-360", false);
    const edited = `${reason}, juga catatan kunjungan`;
    await again.getByTestId("rk-reason").fill(edited);
    await again.getByTestId("rk-propose").click();
    await expect.poll(() => again.getByTestId("rk-proposal").innerText(), { timeout: 10_000 }).toContain(edited);
    expect(await again.getByTestId("rk-unsent").count()).toBe(1);
    // Listed among the unsent changes too.
    await page.goto("/perubahan");
    const listed = page.locator("[data-testid='outbox-item'][data-kind='reconciliation']");
    await listed.waitFor();
    expect(await listed.count()).toBe(1);
    expect(await listed.innerText()).toContain(`Usulan rekonsiliasi ${flagged}`);
    await shot(page, "reconciliation-offline-perubahan-360");
    // Nothing reached the server meanwhile.
    expect((await readSheet()).version).toBe(before.version);

    // 3. Signal again: it is sent, once.
    await context.setOffline(false);
    await listed.waitFor({ state: "detached", timeout: 60_000 });
    const after = await readSheet();
    expect(after.version).toBe(before.version + 1);
    expect(after.indicators.filter((i) => i.proposal !== null)).toEqual([
      expect.objectContaining({ code: flagged, proposal: { level: agreedLevel, reason: edited } }),
    ]);
    await openReconciliation(page);
    expect(await page.getByTestId("rk-unsent").count()).toBe(0);
    expect(await page.getByTestId("rk-item").first().getByTestId("rk-proposal").innerText()).toContain(edited);

    // 4. The report, written offline too: reloaded with no signal, the form holds it and it is listed
    // as not sent; saved again there it replaces the waiting report; with signal it is stored once.
    const withProposal = await readSheet();
    await context.setOffline(true);
    const strengths = "Pengasuhan berbasis keluarga; catatan kasus anak tertata";
    const recommendations = "Lengkapi SOP pengaduan anak";
    await page.getByTestId("rk-strengths").fill(strengths);
    await page.getByTestId("rk-recommendations").fill(recommendations);
    await page.getByTestId("rk-report-save").click();
    await page.getByTestId("rk-report-unsent").waitFor({ timeout: 15_000 });
    expect(await page.getByTestId("rk-report-unsent").innerText()).toMatch(/^Belum terkirim sejak /);
    await page.reload();
    await page.getByTestId("pn-assignment").filter({ hasText: LKS }).getByTestId("rk-open").click();
    await page.getByTestId("rk-report-unsent").waitFor({ timeout: 15_000 });
    await expect.poll(() => page.getByTestId("rk-strengths").inputValue(), { timeout: 10_000 }).toBe(strengths);
    expect(await page.getByTestId("rk-recommendations").inputValue()).toBe(recommendations);
    await page.getByTestId("rk-report-save").scrollIntoViewIfNeeded();
    expect(await overflowsHorizontally(page)).toBe(false);
    await shot(page, "reconciliation-report-offline-reloaded-360", false);
    const moreRecommendations = `${recommendations} dan jadwal supervisi bulanan`;
    await page.getByTestId("rk-recommendations").fill(moreRecommendations);
    await page.getByTestId("rk-report-save").click();
    await page.getByTestId("rk-notice").filter({ hasText: "Disimpan di perangkat" }).waitFor({ timeout: 15_000 });
    expect(await page.getByTestId("rk-report-unsent").count()).toBe(1);
    await page.goto("/perubahan");
    const report = page.locator("[data-testid='outbox-item'][data-kind='reconciliation']");
    await report.waitFor();
    expect(await report.count()).toBe(1);
    expect(await report.innerText()).toContain("Kekuatan dan rekomendasi rekonsiliasi");
    expect((await readSheet()).version).toBe(withProposal.version);
    await context.setOffline(false);
    await report.waitFor({ state: "detached", timeout: 60_000 });
    const reported = await readSheet();
    expect(reported.version).toBe(withProposal.version + 1);
    expect([reported.strengths, reported.recommendations]).toEqual([strengths, moreRecommendations]);
    await openReconciliation(page);
    expect(await page.getByTestId("rk-report-unsent").count()).toBe(0);
    expect(await page.getByTestId("rk-strengths").inputValue()).toBe(strengths);
    expect(await page.getByTestId("rk-recommendations").inputValue()).toBe(moreRecommendations);

    // 5. The member agrees, and both sign.
    const memberSession = await open(browser);
    await login(memberSession.page, MEMBER.email);
    await openReconciliation(memberSession.page);
    const item = memberSession.page.getByTestId("rk-item").first();
    await item.getByTestId("rk-agree").check();
    await item.getByTestId("rk-respond").click();
    await expect
      .poll(() => item.getByTestId("rk-reconciled").innerText(), { timeout: 10_000 })
      .toBe(String(agreedLevel));
    // The member signs first: from then on their answer is read-only (answering again would clear
    // every signature), on the page and when it is opened again.
    await openReconciliation(memberSession.page);
    await memberSession.page.getByTestId("rk-sign").click();
    await memberSession.page
      .locator("[data-testid='rk-signature'][data-signed='true']")
      .filter({ hasText: "Anggota Luring" })
      .waitFor({ timeout: 15_000 });
    await item.getByTestId("rk-signed-readonly").waitFor({ timeout: 10_000 });
    expect(await item.getByTestId("rk-respond").count()).toBe(0);
    await openReconciliation(memberSession.page);
    await item.getByTestId("rk-signed-readonly").waitFor({ timeout: 10_000 });
    expect(await item.getByTestId("rk-agree").count()).toBe(0);
    await openReconciliation(page);
    await page.getByTestId("rk-sign").click();
    await page.getByTestId("rk-signed-off").waitFor({ timeout: 15_000 });
    const signed = await readSheet();
    expect(signed.indicators.filter((i) => i.proposal !== null)).toHaveLength(1);
  });
});
