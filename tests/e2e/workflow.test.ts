import { DEFAULT_REGIONAL_PART } from "@akrab/domain";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { DEMO_PASSWORD, actAs, apiFetch, launch, login, open, overflowsHorizontally, shot } from "./helpers.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function apiLogin(email: string): Promise<string> {
  const response = await apiFetch("/api/v1/auth/login", { method: "POST", body: { email, password: DEMO_PASSWORD } });
  expect(response.status).toBe(200);
  return response.headers
    .getSetCookie()
    .find((c) => c.includes("akrab_session"))!
    .split(";")[0]!;
}

describe("workflow editor", () => {
  test("Lebak's admin breaks its workflow, sees the problem beside the step, fixes it and publishes the next version", async () => {
    // Kab. Lebak's workflow is used by no other test; start from the national default as a draft.
    const cookie = await apiLogin("dinsos.lebak@akrab.test");
    const reset = await apiFetch("/api/v1/t/kab-lebak/workflow/draft", {
      method: "PUT",
      cookie,
      body: { regional: DEFAULT_REGIONAL_PART },
    });
    expect(reset.status).toBe(200);
    const before = (await (await apiFetch("/api/v1/t/kab-lebak/workflow", { cookie })).json()) as {
      published: { version: number };
    };

    const { page, context, cspViolations, pageErrors } = await open(browser);
    await login(page, "dinsos.lebak@akrab.test");
    await actAs(page, "Admin Dinsos");
    await page.getByTestId("tile-workflow").click();
    await page.getByRole("heading", { level: 1, name: "Alur kerja" }).waitFor();
    await page.getByTestId("wf-graph").waitFor();

    // Remove the province step's exits: first "return", then its only exit to BALKS.
    const transitions = page.getByTestId("wf-transition");
    await transitions
      .filter({ hasText: "Verifikasi Dinsos provinsi → Perbaikan oleh LKS" })
      .getByRole("button", { name: /Hapus transisi/ })
      .click();
    await transitions
      .filter({ hasText: "Verifikasi Dinsos provinsi → Penerimaan di BALKS" })
      .getByRole("button", { name: /Hapus transisi/ })
      .click();
    await page.getByTestId("wf-graph").getByText("Tidak ada jalan keluar").waitFor();
    await page.getByRole("button", { name: "Simpan draf" }).click();
    const provinceStep = page.getByTestId("wf-step").filter({ hasText: "Verifikasi Dinsos provinsi" });
    await provinceStep.getByTestId("wf-step-problems").waitFor();
    await page.getByTestId("wf-notice").filter({ hasText: "masalah" }).waitFor();
    await shot(page, "workflow-problem");

    // Publishing is refused while problems remain.
    await page.getByRole("button", { name: "Terbitkan" }).click();
    await page.getByTestId("wf-error").waitFor();

    // Fix: give the province step its exit to BALKS again.
    await provinceStep.getByRole("button", { name: /Transisi keluar/ }).click();
    const added = transitions.last();
    await added.getByLabel("Kode aksi").fill("recommend");
    await added.getByLabel("Label (Bahasa Indonesia)").fill("Rekomendasikan ke BALKS");
    await added.getByLabel("Label (English)").fill("Recommend to BALKS");
    await added.getByLabel("Ke langkah").selectOption("balks_intake");
    await added.getByLabel("Kepala Dinsos").check();
    await page.getByRole("button", { name: "Simpan draf" }).click();
    await page.getByTestId("wf-notice").filter({ hasText: "Tidak ada masalah" }).waitFor();
    expect(await provinceStep.getByTestId("wf-step-problems").count()).toBe(0);

    await page.getByRole("button", { name: "Terbitkan" }).click();
    const version = before.published.version + 1;
    await page
      .getByTestId("wf-notice")
      .filter({ hasText: `Versi ${version} diterbitkan` })
      .waitFor();
    await page.getByTestId("wf-versions").getByText(`Versi ${version}`, { exact: true }).waitFor();
    await shot(page, "workflow-published");

    const after = (await (await apiFetch("/api/v1/t/kab-lebak/workflow", { cookie })).json()) as {
      published: { version: number; regional: { transitions: { from: string; to: string }[] } };
    };
    expect(after.published.version).toBe(version);
    expect(
      after.published.regional.transitions.filter((t) => t.from === "province_verification").map((t) => t.to),
    ).toEqual(["balks_intake"]);

    // The version before stays readable (read-only), fetched from the API on demand.
    await page.getByTestId(`wf-view-${before.published.version}`).click();
    const previous = page.getByTestId(`wf-version-${before.published.version}`);
    await previous.waitFor();
    expect(await previous.locator("li").count()).toBeGreaterThan(0);

    // Fits a 360 px phone.
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await overflowsHorizontally(page)).toBe(false);
    await shot(page, "mobile-workflow-editor", false);

    // The document checklist editor loads for the same admin.
    await page.goto("/t/kab-lebak/dinsos/dokumen");
    await page.getByRole("heading", { level: 1, name: "Daftar dokumen" }).waitFor();
    await page.getByLabel("Nama dokumen").first().waitFor();
    expect(await overflowsHorizontally(page)).toBe(false);
    await shot(page, "mobile-document-checklist", false);

    expect(cspViolations).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  test("an SLA of 'abc' is an error at the field and nothing is saved; in English the overview reads in English", async () => {
    const { page, context, cspViolations, pageErrors } = await open(browser);
    await login(page, "dinsos.batang@akrab.test");
    await actAs(page, "Admin Dinsos");
    await page.goto("/t/kab-batang/dinsos/alur-kerja");
    await page.getByTestId("wf-graph").waitFor();
    const step = page.getByTestId("wf-step").filter({ hasText: "Verifikasi Dinsos kabupaten/kota" });
    const sla = step.getByLabel("Tenggat (hari kerja)");
    await sla.fill("abc");
    const puts: string[] = [];
    page.on("request", (request) => {
      if (request.method() === "PUT" && request.url().includes("/workflow/draft")) puts.push(request.url());
    });
    await page.getByRole("button", { name: "Simpan draf" }).click();
    const error = step.getByTestId("wf-sla-error");
    await error.waitFor();
    expect(await error.innerText()).toContain("bilangan bulat hari kerja");
    expect(await sla.getAttribute("aria-invalid")).toBe("true");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(await sla.getAttribute("id"));
    await page.getByTestId("wf-error").waitFor();
    expect(await page.getByTestId("wf-notice").count(), "never 'no problems: ready to publish'").toBe(0);
    expect(puts, "nothing is sent").toEqual([]);
    await shot(page, "workflow-sla-error", false);
    // Typing again clears the message; a number is accepted by the same rule.
    await sla.fill("10");
    await error.waitFor({ state: "detached" });

    // English: the overview and the step legends use the English labels the workflow carries.
    await page.getByRole("button", { name: /English/ }).click();
    const graph = page.getByTestId("wf-graph");
    await graph.getByText("Kab/kota Dinsos verification").first().waitFor();
    expect(await graph.innerText()).not.toContain("Verifikasi Dinsos kabupaten/kota");
    expect(await graph.innerText()).toContain("Submit");
    await page.getByRole("button", { name: /Bahasa Indonesia/ }).click();
    await graph.getByText("Verifikasi Dinsos kabupaten/kota").first().waitFor();
    expect(cspViolations).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
