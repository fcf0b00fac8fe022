import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { apiFetch, apiSignIn, baseUrl, launch, login, open, overflowsHorizontally, shot, unique } from "./helpers.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** LKS Lansia Bahagia Batang's application at asesor assignment (fixtures/asesor-assignment.sql). */
const APPLICATION = { tenant: "kab-batang", id: "e2e00013-0000-4000-8000-000000000013" };
const LKS = "LKS Lansia Bahagia Batang";

/** Adds an asesor through the API (the page's own adding is shown with the first one). */
async function addAsesor(cookie: string, name: string, lksTypes: string[]): Promise<void> {
  const response = await fetch(`${baseUrl()}/api/v1/national/asesors`, {
    method: "POST",
    headers: { cookie, origin: baseUrl(), "content-type": "application/json", "idempotency-key": crypto.randomUUID() },
    body: JSON.stringify({
      name,
      email: unique("asesor"),
      provinceCode: "31",
      kabKotaCode: "31.71",
      background: "trainer",
      lksTypes,
    }),
  });
  expect(response.status, await response.clone().text()).toBe(201);
}

async function registryCount(cookie: string, name: string): Promise<number> {
  const response = await apiFetch(`/api/v1/national/asesors?q=${encodeURIComponent(name)}`, { cookie });
  return ((await response.json()) as { items: unknown[] }).items.length;
}

/** The card of this test's assignment on /penugasan. */
const assignment = (page: Page) => page.getByTestId("pn-assignment").filter({ hasText: LKS });

describe("asesors and the team on the web (issue 13)", () => {
  test("BALKS adds an asesor (a bad email first), forms a team from ranked candidates, one accepts with the declaration, the other declines, BALKS replaces them", {
    timeout: 180_000,
  }, async () => {
    const { cookie } = await apiSignIn("balks@akrab.test");
    const suffix = Date.now().toString(36);
    const newName = `Budi Asesor ${suffix}`;
    const newEmail = unique("budi.asesor");
    const replacement = `Citra Pengganti ${suffix}`;
    const excluded = `Dedi Anak ${suffix}`;
    await addAsesor(cookie, replacement, ["LKS-LU"]);
    await addAsesor(cookie, excluded, ["LKSA"]); // no elder-care expertise: excluded, with why

    // 1. The secretariat opens the registry from the home and adds an asesor; a bad email is refused at its field.
    const balks = await open(browser);
    await login(balks.page, "balks@akrab.test");
    await balks.page.getByTestId("tile-asesors").click();
    await balks.page.getByRole("heading", { level: 1, name: "Registri asesor" }).waitFor();
    await balks.page.getByTestId("asr-row").filter({ hasText: "Dr. Rina Asesor" }).waitFor();
    await balks.page.getByTestId("asr-add").click();
    const form = balks.page.getByTestId("asr-form");
    await form.locator("#f-name").fill(newName);
    await form.locator("#f-email").fill("bukan-alamat-email");
    await form.getByLabel("Provinsi").selectOption("31");
    await form.getByLabel("Kabupaten/kota").selectOption("31.71");
    await form.getByLabel("Latar belakang").selectOption("practitioner");
    await form.getByLabel("LKS Lanjut Usia").check();
    await form.getByTestId("asr-save").click();
    await form.getByTestId("asr-form-error").waitFor();
    await expect.poll(() => form.locator("#f-email").getAttribute("aria-invalid"), { timeout: 15_000 }).toBe("true");
    expect(await form.locator("#f-email-error").innerText()).not.toBe("");
    expect(await form.locator("#f-name").inputValue()).toBe(newName); // the typing stays
    expect(await registryCount(cookie, newName)).toBe(0);
    await shot(balks.page, "asesor-create-invalid");

    await form.locator("#f-email").fill(newEmail);
    await form.getByTestId("asr-save").click();
    await balks.page.waitForURL((url) => /^\/balks\/asesor\/[0-9a-f-]{36}$/.test(url.pathname));
    await balks.page.getByTestId("asr-name").filter({ hasText: newName }).waitFor();
    expect(await registryCount(cookie, newName)).toBe(1);
    await balks.page.getByTestId("asr-invite").click();
    await balks.page.getByTestId("asr-notice").filter({ hasText: newEmail }).waitFor();
    await shot(balks.page, "asesor-detail-invited");

    // A declared tie: recorded with its dates, then removed.
    const ties = balks.page.getByTestId("asr-tie-form");
    await ties.getByLabel("Jenis keterkaitan").selectOption("organisation");
    await ties.locator("#f-organisation").fill("Yayasan Cahaya Lansia");
    await ties.locator("#f-from").fill("2019-03-01");
    await ties.getByTestId("asr-tie-save").click();
    const tie = balks.page.getByTestId("asr-tie").filter({ hasText: "Yayasan Cahaya Lansia" });
    await tie.waitFor();
    await shot(balks.page, "asesor-tie-added");
    await balks.page.getByRole("listitem").filter({ has: tie }).getByRole("button", { name: "Hapus" }).click();
    await tie.waitFor({ state: "detached" });

    // A stale edit: someone else changed the record meanwhile; the newer version is loaded and the typing stays.
    const asesorId = new URL(balks.page.url()).pathname.split("/").at(-1)!;
    await balks.page.getByTestId("asr-edit").click();
    await form.locator("#f-phone").fill("0812-3456-7890");
    const current = (await (await apiFetch(`/api/v1/national/asesors/${asesorId}`, { cookie })).json()) as {
      version: number;
    };
    const elsewhere = await fetch(`${baseUrl()}/api/v1/national/asesors/${asesorId}`, {
      method: "PATCH",
      headers: { cookie, origin: baseUrl(), "content-type": "application/json" },
      body: JSON.stringify({ expectedVersion: current.version, background: "academic" }),
    });
    expect(elsewhere.status, await elsewhere.clone().text()).toBe(200);
    await form.getByTestId("asr-save").click();
    await form.getByTestId("asr-reload").click();
    await form.getByTestId("asr-form-notice").waitFor();
    expect(await form.locator("#f-phone").inputValue()).toBe("0812-3456-7890");
    await shot(balks.page, "asesor-edit-reloaded");
    await form.getByTestId("asr-save").click();
    await balks.page.getByTestId("asr-notice").filter({ hasText: "Perubahan tersimpan." }).waitFor();
    expect(await balks.page.locator("main").innerText()).toContain("0812-3456-7890");

    // 2. The new asesor follows the emailed invitation (the outbox) and signs in.
    const budi = await open(browser);
    await login(budi.page, "admin@akrab.test");
    await budi.page.goto("/admin/outbox");
    const message = budi.page.getByTestId("outbox-message").filter({ hasText: newEmail }).first();
    await message.waitFor();
    await message.getByRole("link").first().click();
    await budi.page.waitForURL((url) => url.pathname.startsWith("/invite/"));
    await budi.page.getByLabel("Nama lengkap").fill(newName);
    await budi.page.getByLabel("Kata sandi", { exact: true }).fill("kopi tubruk pagi hari");
    await budi.page.getByLabel("Ulangi kata sandi").fill("kopi tubruk pagi hari");
    await budi.page.getByRole("button", { name: "Terima undangan" }).click();
    await budi.page.waitForURL((url) => url.pathname === "/");

    // 3. From the application page, BALKS opens the team page: ranked candidates, each with why.
    await balks.page.goto(`/t/${APPLICATION.tenant}/permohonan/${APPLICATION.id}`);
    await balks.page.getByRole("heading", { level: 2, name: "Riwayat permohonan" }).scrollIntoViewIfNeeded();
    await balks.page.getByTestId("appl-team-link").click();
    await balks.page.getByRole("heading", { level: 1, name: "Tim asesor" }).waitFor();
    const candidate = (name: string) => balks.page.getByTestId("tim-candidate").filter({ hasText: name });
    await candidate("Dr. Rina Asesor").waitFor();
    expect(await candidate("Dr. Rina Asesor").getAttribute("data-eligible")).toBe("true");
    expect(await candidate(newName).getAttribute("data-eligible")).toBe("true");
    expect(await candidate(excluded).getAttribute("data-eligible")).toBe("false");
    expect(await candidate(excluded).getByTestId("tim-reasons").innerText()).not.toBe("");
    expect(await candidate(excluded).getByTestId("tim-role").count()).toBe(0);
    await shot(balks.page, "team-candidates");

    await candidate("Dr. Rina Asesor").getByTestId("tim-role").selectOption("lead");
    await candidate(newName).getByTestId("tim-role").selectOption("member");
    await balks.page.getByTestId("tim-invite").click();
    await balks.page.getByTestId("tim-notice").or(balks.page.getByTestId("tim-error")).first().waitFor();
    expect(await balks.page.getByTestId("tim-error").count(), await balks.page.locator("main").innerText()).toBe(0);
    await expect.poll(() => balks.page.getByTestId("tim-member").count(), { timeout: 15_000 }).toBe(2);

    // 4. The demo asesor, on a phone, signs the declaration and accepts.
    const rina = await open(browser, { width: 360, height: 760 });
    await login(rina.page, "asesor@akrab.test");
    await rina.page.getByTestId("tile-assignments").click();
    await rina.page.getByRole("heading", { level: 1, name: "Penugasan saya" }).waitFor();
    const mine = assignment(rina.page);
    await mine.getByTestId("pn-declaration").waitFor();
    await mine.getByTestId("pn-accept").click();
    await expect
      .poll(() => mine.getByTestId("pn-declare").getAttribute("aria-invalid"), { timeout: 15_000 })
      .toBe("true");
    await shot(rina.page, "penugasan-phone");
    expect(await overflowsHorizontally(rina.page)).toBe(false);
    await mine.getByLabel(/Saya menyatakan/).check();
    await mine.getByTestId("pn-accept").click();
    await expect.poll(() => mine.getAttribute("data-status"), { timeout: 15_000 }).toBe("accepted");
    await shot(rina.page, "penugasan-accepted-phone");

    // 5. The new asesor declines: a reason is required, then sent.
    await budi.page.goto("/penugasan");
    const theirs = assignment(budi.page);
    await theirs.getByTestId("pn-decline-open").click();
    await theirs.getByTestId("pn-decline").click();
    await expect
      .poll(() => theirs.getByTestId("pn-reason").getAttribute("aria-invalid"), { timeout: 15_000 })
      .toBe("true");
    await theirs.getByTestId("pn-reason").fill("Jadwal bentrok dengan visitasi lain");
    await theirs.getByTestId("pn-decline").click();
    await expect.poll(() => theirs.getAttribute("data-status"), { timeout: 15_000 }).toBe("declined");
    await shot(budi.page, "penugasan-declined");

    // 6. BALKS sees the answers and replaces the decliner, on a phone.
    const phone = await open(browser, { width: 360, height: 760 });
    await login(phone.page, "balks@akrab.test");
    await phone.page.goto(`/balks/tim/${APPLICATION.tenant}/${APPLICATION.id}`);
    const declined = phone.page.locator('[data-testid="tim-member"][data-status="declined"]');
    await declined.filter({ hasText: "Jadwal bentrok dengan visitasi lain" }).waitFor();
    await phone.page
      .locator('[data-testid="tim-member"][data-status="accepted"]')
      .filter({ hasText: "Dr. Rina Asesor" })
      .waitFor();
    const replacing = phone.page.getByTestId("tim-candidate").filter({ hasText: replacement });
    await replacing.getByTestId("tim-role").selectOption("member");
    await phone.page.getByTestId("tim-invite").click();
    await phone.page
      .locator('[data-testid="tim-member"][data-status="invited"]')
      .filter({ hasText: replacement })
      .waitFor();
    expect(await overflowsHorizontally(phone.page)).toBe(false);
    await shot(phone.page, "team-replaced-phone");

    // The registry shows each one's open workload: Rina is on this application and on the one at
    // the visit (fixtures/visit-plan.sql).
    await phone.page.goto("/balks/asesor");
    const rinaRow = phone.page.getByTestId("asr-row").filter({ hasText: "Dr. Rina Asesor" });
    // (waitFor, not a 1-second poll: the list may take longer to come on a busy machine)
    await rinaRow.getByTestId("asr-open").filter({ hasText: /^2$/ }).waitFor();
    expect(await overflowsHorizontally(phone.page)).toBe(false);
    await shot(phone.page, "asesor-registry-phone");

    for (const session of [balks, budi, rina, phone]) {
      expect(session.pageErrors).toEqual([]);
      expect(session.cspViolations).toEqual([]);
      await session.context.close();
    }
  });

  test("BALKS sets the visit date on the team page; the asesor sees it on /penugasan and the Dinsos names a companion", {
    timeout: 120_000,
  }, async () => {
    const visiting = { tenant: "kota-tangerang", id: "e2e00018-0000-4000-8000-000000000018" };
    const lksName = "Yayasan Difabel Mandiri Tangerang";
    // A week from now (Jakarta), as the date input takes it.
    const date = new Date(Date.now() + 7 * 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 10);
    const spelled = new Intl.DateTimeFormat("id-ID", { dateStyle: "long", timeZone: "Asia/Jakarta" }).format(
      new Date(date),
    );

    const balks = await open(browser);
    await login(balks.page, "balks@akrab.test");
    await balks.page.goto(`/balks/tim/${visiting.tenant}/${visiting.id}`);
    const section = balks.page.getByTestId("vp-section");
    await section.getByTestId("vp-none").waitFor();
    await section.getByTestId("vp-date").fill(date);
    await section.getByTestId("vp-save").click();
    await section.getByTestId("vp-notice").or(section.getByTestId("vp-error")).first().waitFor();
    expect(await section.getByTestId("vp-error").count(), await section.innerText()).toBe(0);
    await section.getByTestId("vp-planned").filter({ hasText: spelled }).waitFor();
    await shot(balks.page, "visit-plan-created");

    // The asesor, on a phone, sees the date on the assignment.
    const rina = await open(browser, { width: 360, height: 760 });
    await login(rina.page, "asesor@akrab.test");
    await rina.page.goto("/penugasan");
    const card = rina.page.getByTestId("pn-assignment").filter({ hasText: lksName });
    await card.getByTestId("pn-planned").filter({ hasText: spelled }).waitFor();
    expect(await overflowsHorizontally(rina.page)).toBe(false);
    await shot(rina.page, "penugasan-planned-phone");

    // The Dinsos sees the visit on the application and names who accompanies the team.
    const dinsos = await open(browser);
    await login(dinsos.page, "dinsos.kota-tangerang@akrab.test");
    await dinsos.page.goto(`/t/${visiting.tenant}/permohonan/${visiting.id}`);
    const visit = dinsos.page.getByTestId("appl-visit");
    await visit.getByTestId("visit-date").filter({ hasText: spelled }).waitFor();
    await visit.getByLabel("Nama pendamping 1").fill("Budi Santoso");
    await visit.getByLabel("Jabatan").fill("Pekerja Sosial Ahli Muda");
    await visit.getByTestId("visit-companions-save").click();
    await visit.getByTestId("visit-notice").waitFor();
    await shot(dinsos.page, "visit-companions-named");
    const plan = (await (
      await apiFetch(`/api/v1/t/${visiting.tenant}/applications/${visiting.id}/visit-plan`, {
        cookie: (await apiSignIn("balks@akrab.test")).cookie,
      })
    ).json()) as { companions: { name: string }[] };
    expect(plan.companions.map((c) => c.name)).toEqual(["Budi Santoso"]);

    for (const session of [balks, rina, dinsos]) {
      expect(session.pageErrors).toEqual([]);
      expect(session.cspViolations).toEqual([]);
      await session.context.close();
    }
  });
});
