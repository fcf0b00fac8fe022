import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  actAs,
  insideViewport,
  launch,
  login,
  open,
  overflowsHorizontally,
  shot,
  text,
  unspacedLabels,
} from "./helpers.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe("each demo role sees its own home", () => {
  test("platform admin: the outbox link", async () => {
    const { page, context, cspViolations } = await open(browser);
    await login(page, "admin@akrab.test");
    await page.getByRole("heading", { name: "Administrasi platform" }).waitFor();
    expect(await page.getByRole("link", { name: /Kotak keluar email/ }).getAttribute("href")).toBe("/admin/outbox");
    expect(await page.getByLabel("Bertindak sebagai").count()).toBe(0); // one membership: no switcher
    await shot(page, "home-platform-admin");
    expect(cspViolations).toEqual([]);
    await context.close();
  });

  test("BALKS (secretariat + decider): national queue, what can be opened now, role switch", async () => {
    const { page, context } = await open(browser);
    await login(page, "balks@akrab.test");
    await page.getByRole("heading", { name: "Antrean kerja nasional" }).waitFor();
    await page.getByTestId("work-national_applications").waitFor();
    const body = await text(page);
    expect(body).not.toContain("rilis berikutnya");
    expect(await page.getByRole("button").allInnerTexts()).not.toContain("Ajukan"); // no dead buttons
    await actAs(page, "Sekretariat BALKS");
    await page.getByText(/Sekretariat BALKS menerima permohonan/).waitFor();
    await actAs(page, "Pemutus BALKS");
    await page.getByText(/Pemutus BALKS meninjau permohonan/).waitFor();
    await shot(page, "home-balks");
    await context.close();
  });

  test("asesor and national viewer", async () => {
    for (const [email, phrase] of [
      ["asesor@akrab.test", /Asesor melihat permohonan pada tahap nasional/],
      ["viewer@akrab.test", /Pemantau nasional membaca daftar nasional/],
    ] as const) {
      const { page, context } = await open(browser);
      await login(page, email);
      await page.getByRole("heading", { name: "Antrean kerja nasional" }).waitFor();
      await page.getByText(phrase).waitFor();
      expect(await text(page)).not.toContain("rilis berikutnya");
      await shot(page, `home-${email.split("@")[0]}`);
      await context.close();
    }
  });

  test("Dinsos Kota Tangerang: LKS list, invite form and members as admin; LKS list as verifier", async () => {
    const { page, context, cspViolations } = await open(browser);
    await login(page, "dinsos.kota-tangerang@akrab.test");
    await actAs(page, "Admin Dinsos");
    await page.getByRole("heading", { name: "Daftar LKS" }).waitFor();
    await page.getByText("Panti Asuhan Kasih Bunda", { exact: true }).waitFor();
    await page.getByRole("heading", { name: "Undang pengguna" }).waitFor();
    await page.getByRole("heading", { name: "Pengguna Dinsos" }).scrollIntoViewIfNeeded();
    await page.getByTestId("member-list").getByText("Operator Kasih Bunda").waitFor();
    await shot(page, "home-dinsos-admin");

    await actAs(page, "Verifikator Dinsos");
    await page.getByText(/Verifikasi pendaftaran LKS dan permohonan akreditasi/).waitFor();
    // The list pages ten at a time, and other e2e files register LKS here too: any row shows it loaded.
    await page.getByTestId("lks-list").getByRole("link").first().waitFor();
    expect(await page.getByRole("heading", { name: "Undang pengguna" }).count()).toBe(0);

    // The choice survives a reload (remembered on this device).
    await page.reload();
    await page.getByText(/Verifikasi pendaftaran LKS dan permohonan akreditasi/).waitFor();
    expect(cspViolations).toEqual([]);
    await context.close();
  });

  test("LKS operator: its LKS card and what comes next", async () => {
    const { page, context } = await open(browser);
    await login(page, "lks@akrab.test");
    await page.getByRole("heading", { name: "Panti Asuhan Kasih Bunda" }).waitFor();
    const body = await text(page);
    expect(body).toContain("LKS Anda");
    expect(body).toContain("Terdaftar di Dinas Sosial Kota Tangerang");
    expect(body).not.toContain("rilis berikutnya");
    await page.getByTestId("work-summary").getByTestId("work-applications").waitFor();
    expect(await unspacedLabels(page)).toEqual([]);
    await shot(page, "home-lks-operator");
    await context.close();
  });
});

describe("tenant switcher", () => {
  test("a user in two tenants switches between them; memberships are grouped by tenant", async () => {
    const { page, context } = await open(browser);
    await login(page, "dinsos.banten@akrab.test");
    const groups = await page
      .locator("#context optgroup")
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute("label")));
    expect(groups).toEqual(["Dinas Sosial Provinsi Banten", "Dinas Sosial Kabupaten Pandeglang"]);

    await page.getByLabel("Bertindak sebagai").selectOption({ index: 0 });
    await page.getByRole("heading", { level: 2, name: "Dinas Sosial Provinsi Banten" }).waitFor();
    // A province's list holds the LKS of its kabupaten/kota too, each naming its Dinsos.
    await page.getByText("Panti Asuhan Al-Hikmah Rangkasbitung").waitFor();
    expect(await text(page)).toContain("Dinas Sosial Kabupaten Lebak");
    await shot(page, "home-province");

    const pandeglang = await page
      .locator('#context optgroup[label="Dinas Sosial Kabupaten Pandeglang"] option')
      .first()
      .getAttribute("value");
    await page.getByLabel("Bertindak sebagai").selectOption(pandeglang ?? "");
    await page.getByRole("heading", { level: 2, name: "Dinas Sosial Kabupaten Pandeglang" }).waitFor();
    // Its registry list (the LKS also shows in "Akreditasi segera berakhir": renewal.sql's certificate ends soon).
    await page.getByTestId("lks-list").getByText("Rumah Singgah Anak Pandeglang").waitFor();
    expect(await text(page)).not.toContain("Panti Asuhan Al-Hikmah Rangkasbitung");
    await shot(page, "home-switched-tenant");
    await context.close();
  });
});

describe("360 px wide phone", () => {
  test("no horizontal scrolling on the main pages", async () => {
    const { page, context } = await open(browser, { width: 360, height: 740 });
    for (const path of ["/login", "/reset-password", "/invite/not-a-real-token"]) {
      await page.goto(path);
      await page.getByRole("heading", { level: 1 }).waitFor();
      expect(await overflowsHorizontally(page), path).toBe(false);
    }
    await page.goto("/login");
    await shot(page, "mobile-login");
    await login(page, "dinsos.kota-tangerang@akrab.test");
    await actAs(page, "Admin Dinsos");
    await page.getByText("Panti Asuhan Kasih Bunda", { exact: true }).waitFor();
    // The invite form and member list load as they come near the screen.
    await page.getByRole("heading", { name: "Pengguna Dinsos" }).scrollIntoViewIfNeeded();
    await page.getByTestId("member-list").waitFor();
    expect(await overflowsHorizontally(page)).toBe(false);
    await shot(page, "mobile-home-dinsos-admin");

    await page.getByLabel("Peran").selectOption({ label: "Operator LKS" });
    await page.getByLabel("LKS", { exact: true }).waitFor();
    expect(await overflowsHorizontally(page)).toBe(false);
    await context.close();
  });

  test("platform admin's outbox fits too", async () => {
    const { page, context } = await open(browser, { width: 360, height: 740 });
    await login(page, "admin@akrab.test");
    await page.getByRole("link", { name: /Kotak keluar email/ }).click();
    await page.getByRole("heading", { level: 1, name: "Kotak keluar email" }).waitFor();
    await page.waitForLoadState("networkidle");
    expect(await overflowsHorizontally(page)).toBe(false);
    await shot(page, "mobile-outbox");
    await context.close();
  });
});

describe("a person's home shows all their work", () => {
  test("dinsos.banten (admin, verifier, head; verifier in Pandeglang) sees both Dinsos' work without switching", async () => {
    const { page, context } = await open(browser);
    await login(page, "dinsos.banten@akrab.test");
    await actAs(page, "Admin Dinsos");
    const summary = page.getByTestId("work-summary");
    await summary.getByTestId("work-group").first().waitFor();
    const groups = await summary
      .getByTestId("work-group")
      .evaluateAll((nodes) => nodes.map((n) => n.getAttribute("data-tenant")));
    expect(groups).toEqual(["prov-banten", "kab-pandeglang"]);
    // Following the province's inbox count acts as its verifier: the inbox opens, no switching.
    await summary.locator('[data-tenant="prov-banten"]').getByTestId("work-applications").click();
    await page.getByRole("heading", { level: 1, name: "Permohonan masuk" }).waitFor();
    await page.getByTestId("inbox-count").filter({ hasNotText: "Memuat" }).waitFor();
    expect(await page.getByRole("alert").count()).toBe(0);
    await context.close();
  });

  test("a national viewer reads national lists of applications and LKS instead of errors", async () => {
    const { page, context } = await open(browser);
    await login(page, "viewer@akrab.test");
    await page.getByTestId("tile-national-applications").click();
    await page.getByTestId("national-filters").waitFor();
    await page.getByTestId("inbox-count").filter({ hasNotText: "Memuat" }).waitFor();
    expect(await page.getByRole("alert").count()).toBe(0);
    await page.goto("/");
    await page.getByTestId("tile-national-lks").click();
    await page.getByTestId("national-lks-filters").waitFor();
    await page.getByText("Panti Asuhan Kasih Bunda", { exact: true }).waitFor();
    expect(await text(page)).not.toContain("Halaman ini untuk petugas Dinas Sosial");
    await page.getByLabel("Provinsi LKS").selectOption({ value: "33" });
    await page.waitForURL(/province=33/);
    await page.getByText("Panti Asuhan Kasih Bunda", { exact: true }).waitFor({ state: "detached" });
    await context.close();
  });
});

describe("role homes on phones", () => {
  const homes = [
    ["dinsos.banten@akrab.test", "dinsos-banten"],
    ["dinsos.kota-tangerang@akrab.test", "dinsos-kota-tangerang"],
    ["lks@akrab.test", "lks-operator"],
    ["balks@akrab.test", "balks"],
    ["asesor@akrab.test", "asesor"],
    ["viewer@akrab.test", "viewer"],
    ["admin@akrab.test", "platform-admin"],
  ] as const;

  test("every role's home at 360 px: its work, spaced labels, no sideways scrolling", async () => {
    for (const [email, name] of homes) {
      const { page, context } = await open(browser, { width: 360, height: 740 });
      await login(page, email);
      await page.getByTestId("work-total").waitFor();
      await page.waitForLoadState("networkidle");
      expect(await overflowsHorizontally(page), email).toBe(false);
      expect(await unspacedLabels(page), email).toEqual([]);
      expect(await text(page), email).not.toContain("rilis berikutnya");
      await shot(page, `mobile-home-${name}`);
      await context.close();
    }
  });

  test("the notification panel and the role switcher open inside the viewport at 320 and 360 px", async () => {
    for (const width of [320, 360]) {
      const { page, context } = await open(browser, { width, height: 640 });
      await login(page, "dinsos.banten@akrab.test");
      await page.getByTestId("notif-toggle").click();
      const panel = page.locator("#notif-panel");
      await panel.waitFor();
      expect(await insideViewport(panel), `notification panel at ${width}px`).toMatchObject({ inside: true });
      await page.keyboard.press("Escape");
      expect(await insideViewport(page.getByLabel("Bertindak sebagai")), `role switcher at ${width}px`).toMatchObject({
        inside: true,
      });
      await context.close();
    }
  });
});
