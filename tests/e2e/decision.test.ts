import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { packIndicators, sheetSubmitted, teamAssigned } from "./assessment-setup.ts";
import { launch, login, open, overflowsHorizontally, shot, transition } from "./helpers.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Al-Hikmah's application at asesor assignment, its two asesors and its operator (fixtures/decision.sql). */
const APPLICATION = "e2e0d013-0000-4000-8000-000000000d13";
const LEAD = { id: "e2e0d013-0000-4000-8000-00000000c001", email: "ketua.visitasi@akrab.test" };
const MEMBER = { id: "e2e0d013-0000-4000-8000-00000000c002", email: "anggota.visitasi@akrab.test" };
const OPERATOR = "operator.alhikmah@akrab.test";
const LKS = "Panti Asuhan Al-Hikmah Rangkasbitung";
const PHONE = { width: 360, height: 780 };

/** The asesor's reconciliation opened from /penugasan. */
async function openReconciliation(page: Page): Promise<void> {
  await page.goto("/penugasan");
  await page.getByTestId("pn-assignment").filter({ hasText: LKS }).getByTestId("rk-open").click();
  await page.getByTestId("rk-item").first().waitFor();
}

describe("reconciliation, the decision and the result on the web (issue 13)", () => {
  test("the lead proposes, the member agrees, both sign, the decider accredits with B and the LKS reads it", {
    timeout: 300_000,
  }, async () => {
    // Set-up through the API: the team formed and accepted, assigned, both blind sheets submitted, the visit recorded.
    const tenant = "kab-lebak";
    const { lead, member } = await teamAssigned(tenant, APPLICATION, LEAD, MEMBER);
    const indicators = await packIndicators(lead);
    const top = (i: number) => indicators[i]!.levels.length - 2;
    // Both one level below the top, the member two levels lower on the first indicator: that one is flagged.
    const levels = (lower: boolean) =>
      indicators.map((ind, i) => ({
        indicator: ind.code,
        level: ind.levels[lower && i === 0 ? top(i) - 2 : top(i)]!.score,
      }));
    await sheetSubmitted(lead, levels(false));
    await sheetSubmitted(member, levels(true));
    await transition(lead.cookie, tenant, APPLICATION, "record_visit");
    const flagged = indicators[0]!.code;
    const agreedLevel = indicators[0]!.levels[top(0)]!.score;

    // 1. The lead (on a phone) sees the flagged indicator first, proposes its level with a reason and writes the report.
    const leadSession = await open(browser, PHONE);
    await login(leadSession.page, LEAD.email);
    await openReconciliation(leadSession.page);
    const first = leadSession.page.getByTestId("rk-item").first();
    expect(await first.getAttribute("data-code")).toBe(flagged);
    expect(await first.getAttribute("data-flagged")).toBe("true");
    expect(await first.getByTestId("rk-spread").innerText()).toBe("2");
    expect(await leadSession.page.getByTestId("rk-reasons").innerText()).not.toBe("");
    // A proposal without a reason is refused at its field; the level typed stays.
    await first.getByTestId("rk-level").fill(String(agreedLevel));
    await first.getByTestId("rk-propose").click();
    await leadSession.page.getByTestId("rk-error").waitFor();
    expect(await first.getByTestId("rk-level").inputValue()).toBe(String(agreedLevel));
    await first.getByTestId("rk-reason").fill("Dokumen dan praktik sesuai setelah dicek ulang bersama");
    await first.getByTestId("rk-propose").click();
    await first.getByTestId("rk-proposal").waitFor();
    await leadSession.page.getByTestId("rk-strengths").fill("Pengasuhan berbasis keluarga berjalan baik.");
    await leadSession.page
      .getByTestId("rk-recommendations")
      .fill("Lengkapi rencana pengasuhan individual setiap anak.");
    await leadSession.page.getByTestId("rk-report-save").click();
    // Saved on the server (not the proposal's "saved on the device" notice): the report is sent again on
    // the new version when the proposal, leaving the device meanwhile, moved the sheet on.
    await leadSession.page.getByTestId("rk-notice").filter({ hasText: "Tersimpan." }).waitFor();
    expect(await overflowsHorizontally(leadSession.page)).toBe(false);
    await first.scrollIntoViewIfNeeded();
    await shot(leadSession.page, "reconciliation-lead-360", false);

    // 2. The member (desktop) agrees.
    const memberSession = await open(browser);
    await login(memberSession.page, MEMBER.email);
    await openReconciliation(memberSession.page);
    const item = memberSession.page.getByTestId("rk-item").first();
    await item.getByTestId("rk-agree").check();
    await item.getByTestId("rk-respond").click();
    await item.getByTestId("rk-responses").waitFor();
    await expect.poll(() => item.getByTestId("rk-reconciled").innerText()).toBe(String(agreedLevel));
    await item.scrollIntoViewIfNeeded();
    await shot(memberSession.page, "reconciliation-member-desktop", false);

    // 3. Both sign: the lead's sheet is stale (the member answered), so the first click reloads and says so.
    await leadSession.page.getByTestId("rk-sign").click();
    await leadSession.page.getByTestId("rk-error").waitFor();
    expect(await leadSession.page.getByTestId("rk-error").innerText()).toContain("dimuat ulang");
    await leadSession.page.getByTestId("rk-sign").click();
    await leadSession.page
      .locator("[data-testid='rk-signature'][data-signed='true']")
      .filter({ hasText: "Dr. Hana Ketua" })
      .waitFor();
    await openReconciliation(memberSession.page);
    await memberSession.page.getByTestId("rk-sign").click();
    await memberSession.page.getByTestId("rk-signed-off").waitFor();
    expect(await memberSession.page.getByTestId("rk-pdf").getAttribute("href")).toContain("visit-report.pdf");
    expect(await memberSession.page.getByTestId("rk-signature").allInnerTexts()).toEqual([
      expect.stringMatching(/Dr\. Hana Ketua.*ditandatangani/),
      expect.stringMatching(/Ir\. Joko Anggota.*ditandatangani/),
    ]);
    await memberSession.page.getByTestId("rk-panel").scrollIntoViewIfNeeded();
    await shot(memberSession.page, "reconciliation-signed-desktop", false);
    await transition(member.cookie, tenant, APPLICATION, "submit_scores");

    // 4. The decider (on a phone) sees the computed grade; choosing A departs and asks for a justification.
    const decider = await open(browser, PHONE);
    await login(decider.page, "balks@akrab.test");
    await decider.page.goto(`/balks/tim/${tenant}/${APPLICATION}`);
    const panel = decider.page.getByTestId("dc-panel");
    await panel.getByTestId("dc-form").waitFor();
    expect(await panel.getByTestId("dc-computed").innerText()).toContain("B");
    expect(await panel.getByTestId("dc-grade").inputValue()).toBe("B");
    // The previous cycle beside this one: Al-Hikmah's first accreditation has none, and says so.
    await panel.getByTestId("dc-previous-none").waitFor();
    await panel.getByTestId("dc-grade").selectOption("A");
    await panel.getByTestId("dc-departs").waitFor();
    await panel.getByTestId("dc-reasons-input").fill("Memenuhi standar akreditasi LKSA.");
    await panel.getByTestId("dc-submit").click();
    await expect.poll(() => panel.getByTestId("dc-justification").getAttribute("aria-invalid")).toBe("true");
    // Back to B (no departure); the plenary date missing is the API's refusal at its field, the typing kept.
    await panel.getByTestId("dc-grade").selectOption("B");
    expect(await panel.getByTestId("dc-departs").count()).toBe(0);
    await panel.getByTestId("dc-members").fill("Prof. Haryati\nDrs. Mulyadi\nDr. Yohana Sinaga");
    await panel.getByTestId("dc-submit").click();
    await panel.getByTestId("dc-error").waitFor();
    await expect.poll(() => panel.getByTestId("dc-date").getAttribute("aria-invalid")).toBe("true");
    expect(await panel.getByTestId("dc-reasons-input").inputValue()).toBe("Memenuhi standar akreditasi LKSA.");
    await panel.getByTestId("dc-form").scrollIntoViewIfNeeded();
    await shot(decider.page, "decision-form-360", false);
    await panel.getByTestId("dc-date").fill("2026-12-01");
    await panel.getByTestId("dc-submit").click();
    await panel.getByTestId("dc-record").waitFor();
    expect(await panel.getByTestId("dc-outcome").innerText()).toBe("Terakreditasi — B");
    expect(await panel.getByTestId("dc-form").count()).toBe(0);
    expect(await overflowsHorizontally(decider.page)).toBe(false);
    await panel.getByTestId("dc-record").scrollIntoViewIfNeeded();
    await shot(decider.page, "decision-record-360", false);

    // 5. The LKS's operator reads the result on the application.
    const operator = await open(browser, PHONE);
    await login(operator.page, OPERATOR);
    await operator.page.goto(`/t/${tenant}/permohonan/${APPLICATION}`);
    const result = operator.page.getByTestId("dc-result");
    await result.getByTestId("dc-outcome").waitFor();
    expect(await result.getByTestId("dc-outcome").innerText()).toBe("Terakreditasi — B");
    expect(await result.getByTestId("dc-recommendations").innerText()).toContain("rencana pengasuhan");
    expect(await result.getByTestId("dc-validity").innerText()).toMatch(
      /^Baik · berlaku 1 Desember 2026 s\.d\. 1 Desember 2029$/,
    );
    expect(await overflowsHorizontally(operator.page)).toBe(false);
    await shot(operator.page, "decision-result-lks-360");
    const desktop = await open(browser);
    await login(desktop.page, OPERATOR);
    await desktop.page.goto(`/t/${tenant}/permohonan/${APPLICATION}`);
    await desktop.page.getByTestId("dc-result").getByTestId("dc-outcome").waitFor();
    await shot(desktop.page, "decision-result-lks-desktop");
    for (const s of [leadSession, memberSession, decider, operator, desktop]) {
      expect(s.pageErrors).toEqual([]);
      await s.context.close();
    }
  });
});
