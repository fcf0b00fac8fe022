/**
 * Re-accreditation (issue 14) on a 360 px phone: the operator of an LKS whose certificate ends in
 * 60 days (fixtures/renewal.sql) opens the new application form, finds "Akreditasi ulang" chosen,
 * sees what comes over from the last cycle (two documents, the letter's signatory) before creating,
 * and on the application page the carried documents say so; the self-assessment offers to start
 * from the last cycle's answers.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launch, login, open, overflowsHorizontally, shot } from "./helpers.ts";

const PHONE = { width: 360, height: 740 };
const OPERATOR = "operator.pandeglang@akrab.test";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe("re-accreditation", () => {
  test("an LKS with an ending certificate starts a renewal and sees the carried-over documents", async () => {
    const lks = await open(browser, PHONE);
    await login(lks.page, OPERATOR);
    await lks.page.goto("/permohonan/baru");

    // The certificate ends soon: the renewal is chosen, and what it carries over is shown first.
    await lks.page.getByTestId("renewal-suggested").waitFor();
    expect(await lks.page.getByTestId("renewal-suggested").innerText()).toContain("0031/BALKS/B/XI/2022");
    expect(await lks.page.getByLabel("Akreditasi ulang").isChecked()).toBe(true);
    const plan = lks.page.getByTestId("renewal-plan");
    await plan.waitFor();
    const planText = await plan.innerText();
    expect(planText).toContain("Dibawa dari siklus sebelumnya");
    expect(planText).toContain("2 dokumen");
    expect(planText).toContain("akta-pendirian-yayasan.pdf");
    expect(planText).toContain("npwp-yayasan.pdf");
    expect(planText).not.toContain("surat-permohonan-2022.pdf");
    expect(await lks.page.getByLabel("Nama penanda tangan").inputValue()).toBe("Ust. Mahmud Yunus");
    expect(await lks.page.getByLabel("Jabatan penanda tangan").inputValue()).toBe("Ketua Yayasan");
    expect(await overflowsHorizontally(lks.page)).toBe(false);
    await shot(lks.page, "renewal-form-360");

    await lks.page.getByLabel("Nomor surat").fill("044/RSAP/2026");
    await lks.page.getByLabel("Tanggal surat").fill("2026-12-01");
    await lks.page.getByRole("button", { name: "Buat permohonan" }).click();
    // The app moves there itself (a client navigation to /t/{tenant}/permohonan/{id}): no load event to wait for.
    await lks.page.waitForURL(/\/t\/kab-pandeglang\/permohonan\/(?!baru)/, { waitUntil: "commit" });

    // On the application page the two documents are there, marked as carried over, without an upload.
    const akta = lks.page.getByTestId("doc-akta_pendirian");
    await akta.getByTestId("doc-carried").waitFor();
    expect(await akta.getByTestId("doc-carried").innerText()).toBe("Dibawa dari siklus sebelumnya");
    expect(await akta.getByTestId("doc-filename").innerText()).toBe("akta-pendirian-yayasan.pdf");
    await lks.page.getByTestId("doc-npwp").getByTestId("doc-carried").waitFor();
    expect(await lks.page.getByTestId("doc-surat_permohonan").getByTestId("doc-carried").count()).toBe(0);
    expect(await lks.page.getByTestId("checklist").getByTestId("doc-carried").count()).toBe(2);
    expect(await overflowsHorizontally(lks.page)).toBe(false);
    await shot(lks.page, "renewal-application-360");

    // The self-assessment offers to start from the last cycle's answers (none were given then).
    const id = new URL(lks.page.url()).pathname.split("/").at(-1);
    await lks.page.goto(`/t/kab-pandeglang/permohonan/${id}/penilaian-mandiri`);
    const start = lks.page.getByTestId("sa-start-previous");
    await start.getByRole("button", { name: "Mulai dari jawaban siklus lalu" }).click();
    await start.getByRole("status").waitFor();
    expect(await start.innerText()).toContain("0 jawaban disalin dari siklus lalu");
    expect(lks.pageErrors).toEqual([]);
    await lks.context.close();

    // Desktop: the form's plan and the application page.
    const desk = await open(browser);
    await login(desk.page, OPERATOR);
    await desk.page.goto("/permohonan/baru");
    await desk.page.getByTestId("renewal-plan").waitFor();
    await shot(desk.page, "renewal-form-desktop");
    await desk.page.goto(`/t/kab-pandeglang/permohonan/${id}`);
    await desk.page.getByTestId("doc-akta_pendirian").getByTestId("doc-carried").waitFor();
    await shot(desk.page, "renewal-application-desktop");
    await desk.context.close();
  });
});
