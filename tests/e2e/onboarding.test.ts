import { deflateSync } from "node:zlib";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { addCalendarDays, jakartaDay } from "../../packages/domain/src/index.ts";
import { DEMO_LKS } from "../../scripts/demo-data.ts";
import {
  actAs,
  apiFetch,
  apiSignIn,
  launch,
  login,
  open,
  overflowsHorizontally,
  shot,
  text,
  unique,
} from "./helpers.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** A tiny but real PDF (the API checks the bytes, not the name). */
const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

/** As platform admin (already logged in): the href of the newest outbox link to `recipient` matching `path`. */
async function outboxLink(page: Page, recipient: string, path: RegExp): Promise<string> {
  await page.goto("/admin/outbox");
  await page.getByRole("heading", { level: 1, name: "Kotak keluar email" }).waitFor();
  const message = page.getByTestId("outbox-message").filter({ hasText: recipient }).first();
  await message.waitFor();
  const hrefs = await message
    .getByRole("link")
    .evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
  const href = hrefs.find((candidate) => path.test(candidate));
  if (!href) throw new Error(`no ${path} link in the message to ${recipient}: ${hrefs.join(", ")}`);
  return href;
}

/** A plain PNG of the given size (stands in for a scanned letterhead logo). */
function png(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) rows.set([13, 92 + (x % 64), 78 + (y % 64)], y * (width * 3 + 1) + 1 + x * 3);
  }
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const digits = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join("");

/** Kota Serang has no tenant in the demo data; on a reused database, any city still without one. */
async function regionWithoutTenant(): Promise<{ name: string; code: string }> {
  const { items } = (await (await apiFetch("/api/v1/public/regions")).json()) as {
    items: { name: string; code: string; kind: string; tenantStatus: string }[];
  };
  const free = items.filter((region) => region.kind === "city" && region.tenantStatus === "not_onboarded");
  const region = free.find((r) => r.name === "Kota Serang") ?? free[0];
  if (!region) throw new Error("every city already has a tenant");
  return region;
}

describe("a Dinsos signs up, the platform admin approves, its first admin logs in", () => {
  const officialEmail = unique("dinsos.kota");
  let region = { name: "Kota Serang", code: "36.73" };
  let office = "Dinas Sosial Kota Serang";
  const adminName = "Rina Admin Serang";
  const adminPassword = "sungai cibanten jernih";
  let inviteHref = "";

  test("public sign-up form: region search, field errors kept with the input, letter attached", async () => {
    region = await regionWithoutTenant();
    office = `Dinas Sosial ${region.name}`;
    const { page, context, cspViolations, pageErrors } = await open(browser);
    await page.goto("/login");
    await page.getByRole("link", { name: "Daftarkan Dinsos Anda" }).click();
    await page.getByRole("heading", { level: 1, name: "Pendaftaran Dinas Sosial" }).waitFor();

    // A search without the kind finds kabupaten and kota of that name alike.
    const bare = region.name.replace(/^Kota /, "");
    await page.getByLabel("Wilayah (provinsi atau kabupaten/kota)").fill(bare.toLowerCase());
    await page.getByRole("button", { name: new RegExp(`^${region.name}\\b`) }).click();
    await page.getByTestId("region-chosen").getByText(region.name).waitFor();
    expect(await page.getByLabel("Nama kantor").inputValue()).toBe(office);

    await page.getByLabel("Email resmi kantor").fill(officialEmail);
    await page.getByLabel("Nama narahubung").fill("Budi Santoso");
    await page.getByLabel("Telepon narahubung").fill("12345"); // not an Indonesian number
    await page
      .getByLabel(/Surat tugas/)
      .setInputFiles({ name: "surat-tugas.pdf", mimeType: "application/pdf", buffer: PDF });
    await page.getByRole("button", { name: "Kirim pendaftaran" }).click();
    await page.getByText("Nomor telepon tidak valid. Awali dengan 0 atau +62.").waitFor();
    expect(await page.getByLabel("Email resmi kantor").inputValue()).toBe(officialEmail); // input kept
    await shot(page, "signup-dinsos-error");

    await page.getByLabel("Telepon narahubung").fill("0254 200123");
    await page.getByRole("button", { name: "Kirim pendaftaran" }).click();
    await page.getByTestId("signup-sent").waitFor();
    await page.getByTestId("letter-attached").waitFor();
    expect(await text(page)).toContain(officialEmail);
    await shot(page, "signup-dinsos-sent");
    expect(cspViolations).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  test("the platform admin reviews the sign-up in /admin and approves it; the invitation is in the outbox", async () => {
    const { page, context, cspViolations, pageErrors } = await open(browser);
    await login(page, "admin@akrab.test");
    await page.getByRole("link", { name: /Pendaftaran Dinsos/ }).click();
    await page.getByRole("heading", { level: 1, name: "Administrasi platform" }).waitFor();
    await page.getByTestId("signup-list").getByRole("link", { name: office }).first().click();
    await page.getByRole("heading", { level: 1, name: office }).waitFor();
    expect(await page.getByTestId("letter-link").innerText()).toContain(".pdf");
    const letter = await page.evaluate(
      async (href) => {
        const response = await fetch(href);
        return { status: response.status, type: response.headers.get("content-type") };
      },
      (await page.getByTestId("letter-link").getAttribute("href")) ?? "",
    );
    expect(letter).toEqual({ status: 200, type: expect.stringContaining("application/pdf") });
    await shot(page, "admin-signup-detail");

    await page.getByRole("button", { name: "Setujui" }).click();
    await page.getByRole("button", { name: "Ya, setujui" }).click();
    const approved = page.getByTestId("signup-approved");
    await approved.waitFor();
    expect(await approved.innerText()).toContain(officialEmail);
    await shot(page, "admin-signup-approved");

    // The new tenant is listed with the others.
    await page.goto("/admin?tab=tenant");
    await page.getByTestId("tenant-list").getByText(office).first().waitFor();

    inviteHref = await outboxLink(page, officialEmail, /\/invite\//);
    expect(cspViolations).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  test("the first tenant admin accepts the invitation, then logs in to the new tenant", async () => {
    expect(inviteHref).toMatch(/\/invite\//);
    const { page, context, pageErrors } = await open(browser);
    await page.goto(inviteHref);
    await page.getByTestId("invite-summary").waitFor();
    expect(await page.getByTestId("invite-summary").innerText()).toContain("Admin Dinsos");
    await page.getByLabel("Nama lengkap").fill(adminName);
    await page.getByLabel("Kata sandi", { exact: true }).fill(adminPassword);
    await page.getByLabel("Ulangi kata sandi").fill(adminPassword);
    await page.getByRole("button", { name: "Terima undangan" }).click();
    await page.getByRole("heading", { level: 1, name: `Selamat datang, ${adminName}` }).waitFor();
    await page.getByRole("button", { name: "Keluar" }).click();
    await page.waitForURL((url) => url.pathname === "/login");

    await login(page, officialEmail, adminPassword);
    await page.getByRole("heading", { level: 2, name: office }).waitFor();
    // The setup list: nothing done yet (the sign-up gave a phone, not an address or a logo).
    const setup = page.getByTestId("setup-list");
    await setup.waitFor();
    expect(await setup.getByTestId("setup-progress").innerText()).toBe("0 dari 3 selesai");
    await page.getByTestId("tile-profile").click();
    await page.getByRole("heading", { level: 1, name: "Profil Dinas Sosial" }).waitFor();
    // The Dinsos's own pages carry its tenant in the path.
    const tenantSlug = /^\/t\/([^/]+)\/dinsos\/profil$/.exec(new URL(page.url()).pathname)?.[1];
    expect(tenantSlug, page.url()).toBeTruthy();
    expect(await page.getByLabel("Nama kantor").inputValue()).toBe(office);
    await page.getByLabel("Alamat kantor").fill("Jl. Ki Mas Jong No. 5");
    await page.getByRole("button", { name: "Simpan perubahan" }).click();
    await page.getByText("Profil disimpan.").waitFor();

    // The logo is shrunk in the browser before it is sent.
    await page
      .getByLabel("Pilih gambar logo")
      .setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: png(900, 600) });
    await page.getByText(/Diperkecil menjadi 256 × 171 piksel/).waitFor();
    const uploaded = page.waitForRequest((request) => request.url().endsWith("/logo") && request.method() === "PUT");
    await page.getByRole("button", { name: "Simpan logo" }).click();
    const request = await uploaded;
    expect(request.headers()["content-type"]).toBe("image/webp");
    await page.getByText("Logo disimpan.").waitFor();
    await page.getByRole("img", { name: "Logo saat ini" }).waitFor();
    expect(
      await page.getByRole("img", { name: "Logo saat ini" }).evaluate((img) => (img as HTMLImageElement).naturalWidth),
    ).toBe(256);
    await shot(page, "tenant-admin-profile");

    // Profile and logo done: the setup list ticks the step.
    await page.goto("/");
    await page.getByTestId("setup-profile").and(page.locator('[data-done="true"]')).waitFor();
    expect(await setup.getByTestId("setup-progress").innerText()).toBe("1 dari 3 selesai");

    // The only admin cannot remove itself: the API's 409 is shown at the row.
    await page.getByTestId("tile-users").click();
    await page.getByRole("heading", { level: 1, name: "Pengguna Dinsos" }).waitFor();
    // The first admin also holds the verifier and head roles (issue 10): the admin one is refused.
    await page.getByTestId("membership-row").first().waitFor();
    expect(await page.getByTestId("membership-row").count()).toBe(3);
    const removeLabels = await page
      .getByTestId("membership-row")
      .getByRole("button", { name: /Cabut akses/ })
      .evaluateAll((buttons) => buttons.map((button) => button.getAttribute("aria-label") ?? ""));
    const row = page
      .getByTestId("membership-row")
      .nth(removeLabels.findIndex((label) => label.endsWith("sebagai Admin Dinsos")));
    await row.getByRole("button", { name: /Cabut akses/ }).click();
    await row.getByText("Cabut peran Anda sendiri?").waitFor();
    await row.getByRole("button", { name: "Ya" }).click();
    await row.getByRole("alert").getByText("Admin terakhir tidak dapat dinonaktifkan").waitFor();
    await shot(page, "tenant-admin-users-last-admin");

    // The audit log shows what happened in this tenant, newest first.
    await page.goto(`/t/${tenantSlug}/dinsos/audit`);
    const audit = page.getByTestId("audit-list");
    await audit.getByText("Menerima undangan").first().waitFor();
    await page.getByLabel("Jenis kegiatan").selectOption({ label: "Profil Dinsos" });
    await page.waitForURL((url) => url.searchParams.get("action") === "tenant.");
    await audit.getByText("Mengganti logo").first().waitFor();
    await expect.poll(() => audit.innerText()).not.toContain("Menerima undangan");
    await shot(page, "tenant-admin-audit");
    expect(pageErrors).toEqual([]);
    await context.close();
  });
  test("alone in the new Dinsos, the first admin verifies an LKS without inviting anyone", async () => {
    // An LKS in the new kab/kota registers (through the API: the form is the next describe's) and
    // confirms its operator's email.
    const area = async (parent: string) =>
      ((await (await apiFetch(`/api/v1/public/areas?parent=${parent}`)).json()) as { items: { code: string }[] })
        .items[0]!.code;
    const districtCode = await area(region.code);
    const villageCode = await area(districtCode);
    const lksName = `Panti Asuhan Cibanten ${digits(4)}`;
    const operatorEmail = unique("operator.cibanten");
    const registered = await apiFetch("/api/v1/public/lks-registrations", {
      method: "POST",
      body: {
        lks: {
          name: lksName,
          legalForm: "non_badan_hukum",
          legalisation: { number: "470/12/Kel/2021", date: "2021-06-03" },
          npwp: `01${digits(13)}`,
          address: {
            street: "Jl. Maulana Yusuf No. 3",
            provinceCode: region.code.split(".")[0],
            regencyCode: region.code,
            districtCode,
            villageCode,
          },
          phone: "0254 201234",
          email: "pengurus@cibanten.test",
          board: [{ name: "Ahmad Fauzi", position: "Ketua", idNumber: "3673011203800002" }],
          types: ["LKSA"],
          serviceMode: "dalam_panti",
          ppks: ["anak_terlantar"],
          capacity: 20,
          currentClients: 15,
          staffCount: 4,
        },
        operator: { name: "Ahmad Fauzi", email: operatorEmail, password: "air terjun curug betung" },
      },
    });
    expect(registered.status, await registered.clone().text()).toBe(201);
    const platform = await open(browser);
    await login(platform.page, "admin@akrab.test");
    const confirm = await outboxLink(platform.page, operatorEmail, /\/verify-email\//);
    await platform.page.goto(confirm);
    await platform.page.getByTestId("email-verified").waitFor();
    await platform.context.close();

    // The first admin holds the verifier and head roles too: no colleague is needed to verify.
    const { page, context, cspViolations, pageErrors } = await open(browser);
    await login(page, officialEmail, adminPassword);
    const roles = await page.getByLabel("Bertindak sebagai").locator("option").allInnerTexts();
    expect(roles.map((r) => r.trim())).toEqual(
      expect.arrayContaining([
        expect.stringContaining("Admin Dinsos"),
        expect.stringContaining("Verifikator Dinsos"),
        expect.stringContaining("Kepala Dinsos"),
      ]),
    );
    await actAs(page, (roles.find((r) => r.includes("Verifikator Dinsos")) ?? "").trim());
    await page.getByTestId("tile-pending").click();
    await page.getByRole("heading", { level: 1, name: "Registri LKS" }).waitFor();
    await page.getByRole("link", { name: lksName }).click();
    await page.getByRole("heading", { level: 1, name: lksName }).waitFor();
    expect(await page.getByTestId("lks-status").innerText()).toBe("Menunggu verifikasi");
    await page.getByLabel("Nomor tanda daftar").fill(`460/${digits(3)}/Dinsos/2026`);
    await page.getByRole("button", { name: "Verifikasi dan terbitkan tanda daftar" }).click();
    await page.getByTestId("lks-notice").getByText("diverifikasi").waitFor();
    expect(await page.getByTestId("lks-status").innerText()).toBe("Terdaftar");
    await shot(page, "new-dinsos-first-admin-verifies");
    const [, , lksTenant] = new URL(page.url()).pathname.split("/");
    await page.goto(`/t/${lksTenant}/dinsos/pengguna`);
    await page.getByRole("heading", { level: 1, name: "Pengguna Dinsos" }).waitFor();
    await page.getByTestId("membership-row").first().waitFor();
    // Nobody was invited: the Dinsos roles (the LKS's operator is a member too) are all the admin's.
    const dinsosPeople = page
      .getByTestId("member-admin-list")
      .locator(":scope > li")
      .filter({ has: page.locator("select") });
    expect(await dinsosPeople.count()).toBe(1);
    expect(await dinsosPeople.innerText()).toContain(adminName);
    expect(await dinsosPeople.locator("select").count()).toBe(3);
    expect(cspViolations).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  test("on a phone the admin finishes the setup list: marks the workflow reviewed, then hides the list", async () => {
    const { page, context, cspViolations, pageErrors } = await open(browser, { width: 360, height: 740 });
    await login(page, officialEmail, adminPassword);
    const setup = page.getByTestId("setup-list");
    await setup.waitFor();
    expect(await setup.getByTestId("setup-progress").innerText()).toBe("1 dari 3 selesai");
    expect(await setup.getByTestId("setup-colleagues").innerText()).toContain("Bekerja sendiri?");
    expect(await overflowsHorizontally(page)).toBe(false);
    await shot(page, "mobile-home-dinsos-setup");
    await setup.getByRole("button", { name: "Sudah saya tinjau" }).click();
    await page.getByTestId("setup-workflow").and(page.locator('[data-done="true"]')).waitFor();
    expect(await setup.getByTestId("setup-progress").innerText()).toBe("2 dari 3 selesai");
    // Working alone, the admin hides the list; it stays hidden.
    await setup.getByRole("button", { name: "Sembunyikan daftar ini" }).click();
    await setup.waitFor({ state: "detached" });
    await page.reload();
    await page.getByRole("heading", { level: 2, name: office }).waitFor();
    await page.getByTestId("tile-profile").waitFor();
    expect(await setup.count()).toBe(0);
    expect(cspViolations).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});

describe("an LKS registers itself, confirms its email, and the Dinsos verifies it", () => {
  const lksName = `Yayasan Kasih Sukarasa ${digits(4)}`;
  const operatorEmail = unique("operator.sukarasa");
  const operatorPassword = "pelangi di atas cisadane";

  async function fillProfile(page: Page) {
    await page.getByLabel("Nama LKS").fill(lksName);
    await page.getByRole("radio", { name: "Yayasan" }).check();
    await page.getByLabel("Nomor akta notaris").fill("12");
    await page.getByLabel("Tanggal akta notaris").fill("2015-03-10");
    await page.getByLabel("Nomor SK Kemenkumham").fill("AHU-0012345.AH.01.04.Tahun 2015");
    await page.getByLabel("Tanggal SK Kemenkumham").fill("2015-04-02");
    await page.getByLabel("NPWP").fill(`01.${digits(3)}.${digits(3)}.${digits(1)}-${digits(3)}.000`);
    await page.getByLabel("Alamat jalan").fill("Jl. Daan Mogot No. 12, RT 01/RW 02");
    await page.getByLabel("Provinsi").selectOption({ label: "Banten" });
    await page.getByLabel("Kabupaten/kota").selectOption({ label: "Kota Tangerang" });
    await page.getByLabel("Kecamatan").selectOption({ label: "Tangerang" });
    await page.getByLabel("Kelurahan/desa").selectOption({ label: "Sukarasa" });
    await page.getByLabel("Telepon").fill("021 5523456");
    await page.getByLabel("Email", { exact: true }).fill("kontak@kasih-sukarasa.test");
    await page.getByLabel("Nama lengkap").fill("Hj. Siti Aminah");
    await page.getByLabel("Jabatan").fill("Ketua");
    await page.getByLabel("NIK (nomor KTP)").fill("367101550170"); // too short on purpose
    await page.getByRole("checkbox", { name: "LKS Anak (panti asuhan)" }).check();
    await page.getByRole("radio", { name: "Dalam panti" }).check();
    await page.getByRole("checkbox", { name: "Anak terlantar", exact: true }).check();
    await page.getByLabel("Kapasitas").fill("30");
    await page.getByLabel("Jumlah penerima manfaat saat ini").fill("24");
    await page.getByLabel("Jumlah pengurus/pekerja").fill("6");
  }

  test("public registration form: errors beside their fields, a draft that survives a reload, then sent", async () => {
    const { page, context, cspViolations, pageErrors } = await open(browser);
    await page.goto("/login");
    await page.getByRole("link", { name: "Daftarkan LKS" }).click();
    await page.getByRole("heading", { level: 1, name: "Pendaftaran LKS" }).waitFor();
    await page
      .getByTestId("draft-note")
      .getByText(/hanya di perangkat ini/)
      .waitFor();
    await fillProfile(page);

    // The draft is on this device: a reload brings every field back.
    await page.waitForTimeout(800);
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Pendaftaran LKS" }).waitFor();
    expect(await page.getByLabel("Nama LKS").inputValue()).toBe(lksName);
    await expect.poll(() => page.getByLabel("Kelurahan/desa").inputValue()).toBe("36.71.01.1001");
    expect(await page.getByRole("checkbox", { name: "Anak terlantar", exact: true }).isChecked()).toBe(true);

    // The browser's own checks: the summary lists the problems, each message sits at its field.
    await page.getByLabel("Nama Anda").fill("Hj. Siti Aminah");
    await page.getByLabel("Email Anda (untuk masuk)").fill("lks@akrab.test"); // taken: only the API knows
    await page.getByLabel("Kata sandi", { exact: true }).fill(operatorPassword);
    await page.getByLabel("Ulangi kata sandi").fill(operatorPassword);
    await page.getByRole("button", { name: "Kirim pendaftaran" }).click();
    const summary = page.getByTestId("error-summary");
    await summary.waitFor();
    expect(await summary.innerText()).toContain("Pengurus 1 — NIK (nomor KTP): NIK harus 16 angka.");
    await page.locator("#f-board-0-idNumber-error").getByText("NIK harus 16 angka.").waitFor();
    await shot(page, "lks-register-client-errors");

    // The API's errors (problem+json errors[].path) land on their fields too.
    await page.getByLabel("NIK (nomor KTP)").fill("3671015501700003");
    await page.getByRole("button", { name: "Kirim pendaftaran" }).click();
    await page.locator("#f-operator-email-error").getByText("Email sudah terdaftar").waitFor();
    expect(await page.getByLabel("Nama LKS").inputValue()).toBe(lksName); // nothing lost
    await shot(page, "lks-register-api-error");

    await page.getByLabel("Email Anda (untuk masuk)").fill(operatorEmail);
    await page.getByRole("button", { name: "Kirim pendaftaran" }).click();
    const done = page.getByTestId("lks-registered");
    await done.waitFor();
    expect(await done.innerText()).toContain("Dinas Sosial Kota Tangerang");
    expect(await done.innerText()).toContain(operatorEmail);
    await shot(page, "lks-register-sent");

    // Sent: the draft is gone from this device.
    await page.goto("/daftar-lks");
    await page.getByRole("heading", { level: 1, name: "Pendaftaran LKS" }).waitFor();
    expect(await page.getByLabel("Nama LKS").inputValue()).toBe("");
    expect(cspViolations).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  test("the emailed verification link confirms the operator's address", async () => {
    const admin = await open(browser);
    await login(admin.page, "admin@akrab.test");
    const href = await outboxLink(admin.page, operatorEmail, /\/verify-email\//);
    await admin.context.close();

    const { page, context, pageErrors } = await open(browser);
    await page.goto(href);
    await page.getByTestId("email-verified").waitFor();
    await shot(page, "lks-email-verified");
    // A used link says so.
    await page.reload();
    await page.getByTestId("email-verify-invalid").waitFor();
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  test("a Dinsos verifier of Kota Tangerang finds it in the registry and verifies it", async () => {
    const { page, context, cspViolations, pageErrors } = await open(browser);
    await login(page, "dinsos.kota-tangerang@akrab.test");
    await actAs(page, "Verifikator Dinsos");
    await page.getByTestId("tile-pending").click();
    await page.getByRole("heading", { level: 1, name: "Registri LKS" }).waitFor();
    expect(await page.getByLabel("Status").inputValue()).toBe("pending_verification");
    await page.getByLabel("Cari nama LKS").fill(lksName);
    await page.getByRole("button", { name: "Terapkan" }).click();
    await page.waitForURL((url) => url.searchParams.get("q") === lksName);
    await page.getByRole("link", { name: lksName }).waitFor();
    // The CSV link carries the same filters.
    const csv = new URL((await page.getByTestId("csv-link").getAttribute("href")) ?? "", "http://x");
    expect(csv.pathname).toBe("/api/v1/t/kota-tangerang/lks.csv");
    expect(csv.searchParams.get("q")).toBe(lksName);
    expect(csv.searchParams.get("status")).toBe("pending_verification");
    await shot(page, "registry-pending");

    await page.getByRole("link", { name: lksName }).click();
    await page.getByRole("heading", { level: 1, name: lksName }).waitFor();
    expect(await page.getByTestId("lks-status").innerText()).toBe("Menunggu verifikasi");
    expect(await text(page)).toContain("3671********0003"); // the NIK is masked
    await page.getByLabel("Nomor tanda daftar").fill(`460/${digits(3)}/Dinsos/2026`);
    await shot(page, "lks-verify-form");
    await page.getByRole("button", { name: "Verifikasi dan terbitkan tanda daftar" }).click();
    await page.getByTestId("lks-notice").getByText("diverifikasi").waitFor();
    expect(await page.getByTestId("lks-status").innerText()).toBe("Terdaftar");
    await shot(page, "lks-verified");

    await page.getByRole("tab", { name: "Riwayat perubahan" }).click();
    await page.getByTestId("lks-history").getByText("Tanda daftar").first().waitFor();
    await shot(page, "lks-history");
    expect(cspViolations).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  test("the operator logs in and sees the LKS registered", async () => {
    const { page, context } = await open(browser);
    await login(page, operatorEmail, operatorPassword);
    await page.getByRole("heading", { level: 2, name: lksName }).waitFor();
    await page.getByTestId("lks-home-status").getByText("Terdaftar").waitFor();
    await context.close();
  });
});

describe("the platform admin rejects a sign-up", () => {
  test("a reason of at least 10 characters is required and shown afterwards", async () => {
    const region = await regionWithoutTenant();
    const created = await apiFetch("/api/v1/public/tenant-signups", {
      method: "POST",
      body: {
        regionCode: region.code,
        officeName: `Kantor Tidak Jelas ${digits(3)}`,
        officialEmail: unique("tidak.jelas"),
        contactName: "Anon",
        contactPhone: "0811 0000 0000",
      },
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };

    const { page, context, pageErrors } = await open(browser);
    await login(page, "admin@akrab.test");
    await page.goto(`/admin/pendaftaran/${id}`);
    await page.getByText("Surat tugas belum dilampirkan.", { exact: false }).first().waitFor();
    await page.getByRole("button", { name: "Tolak" }).click();
    await page.getByLabel("Alasan penolakan").fill("Tidak");
    await page.getByRole("button", { name: "Tolak pendaftaran" }).click();
    await page.getByText("Tulis alasan minimal 10 karakter.").waitFor();
    await page.getByLabel("Alasan penolakan").fill("Email bukan domain resmi pemerintah daerah.");
    await page.getByRole("button", { name: "Tolak pendaftaran" }).click();
    await page.getByTestId("signup-status").getByText("Ditolak").waitFor();
    await page.getByText("Email bukan domain resmi pemerintah daerah.").waitFor();
    await shot(page, "admin-signup-rejected");
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});

describe("registry views for the Dinsos", () => {
  test("expiring filter in the URL, expiry badges, and a CSV of exactly the filtered list (360 px)", async () => {
    const { page, context, cspViolations, pageErrors } = await open(browser, { width: 360, height: 740 });
    await login(page, "dinsos.kota-tangerang@akrab.test");
    await actAs(page, "Verifikator Dinsos");
    await page.getByTestId("tile-registry").click();
    await page.getByRole("heading", { level: 1, name: "Registri LKS" }).waitFor();
    await page.getByLabel("Kecamatan").selectOption({ label: "Tangerang" });
    await page.waitForURL((url) => url.searchParams.get("district") === "36.71.01");
    await page.getByLabel("Tanda daftar atau izin berakhir dalam 90 hari").check();
    await page.waitForURL((url) => url.searchParams.get("expiring") === "90");
    const list = page.getByTestId("lks-list");
    await list.getByRole("link", { name: "Panti Asuhan Kasih Bunda" }).waitFor();
    // The demo data dates Kasih Bunda's tanda daftar from the day it was loaded.
    const days = DEMO_LKS.find((l) => l.key === "kasih-bunda")?.tandaDaftarDays ?? Number.NaN;
    const expires = new Intl.DateTimeFormat("id-ID", { dateStyle: "long", timeZone: "UTC" }).format(
      new Date(addCalendarDays(jakartaDay(), days)),
    );
    expect(await list.innerText()).toContain(`Tanda daftar berakhir ${expires}`);
    expect(await list.innerText()).not.toContain("Panti Werdha Sejahtera Cipondoh"); // not expiring
    expect(await overflowsHorizontally(page)).toBe(false);
    await shot(page, "mobile-registry-expiring");

    const href = (await page.getByTestId("csv-link").getAttribute("href")) ?? "";
    expect(href).toContain("expiring=90");
    const csv = await page.evaluate(async (url) => {
      const response = await fetch(url);
      return { type: response.headers.get("content-type"), body: await response.text() };
    }, href);
    expect(csv.type).toContain("text/csv");
    expect(csv.body).toContain("Panti Asuhan Kasih Bunda");
    expect(csv.body).not.toContain("Panti Werdha Sejahtera Cipondoh");

    // A reload keeps the filters (they live in the URL).
    await page.reload();
    await page.getByTestId("lks-list").getByRole("link", { name: "Panti Asuhan Kasih Bunda" }).waitFor();
    expect(await page.getByLabel("Tanda daftar atau izin berakhir dalam 90 hari").isChecked()).toBe(true);
    expect(cspViolations).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  test("a province tenant sees the LKS of its kabupaten/kota, each with its Dinsos", async () => {
    const { page, context } = await open(browser);
    await login(page, "dinsos.banten@akrab.test");
    await page.getByLabel("Bertindak sebagai").selectOption({ index: 0 });
    await page.goto("/lks");
    await page.getByLabel("Kabupaten/kota").selectOption({ label: "Kabupaten Lebak" });
    const list = page.getByTestId("lks-list");
    await list.getByRole("link", { name: "Panti Asuhan Al-Hikmah Rangkasbitung" }).waitFor();
    expect(await list.innerText()).toContain("Dinas Sosial Kabupaten Lebak");
    await shot(page, "registry-province");
    await context.close();
  });
});

/** An LKS registered through the public API, its operator's email confirmed through the outbox. */
async function registeredLks(name: string, email: string, password: string): Promise<string> {
  const profile = {
    name,
    legalForm: "non_badan_hukum",
    legalisation: { number: "470/15/Kel.Skr/2019", date: "2019-08-01" },
    npwp: `${digits(15)}`,
    address: {
      street: "Jl. Kisamaun No. 7",
      provinceCode: "36",
      regencyCode: "36.71",
      districtCode: "36.71.01",
      villageCode: "36.71.01.1001",
    },
    phone: "0812 3456 7890",
    email: "pengurus@contoh.test",
    board: [{ name: "Ahmad Fauzi", position: "Ketua", idNumber: "3671011203800002" }],
    types: ["LKS-LU"],
    serviceMode: "luar_panti",
    ppks: ["lansia_terlantar"],
    capacity: 0,
    currentClients: 40,
    staffCount: 5,
  };
  const created = await apiFetch("/api/v1/public/lks-registrations", {
    method: "POST",
    body: { lks: profile, operator: { name: "Ahmad Fauzi", email, password } },
  });
  expect(created.status).toBe(201);
  const { lksId } = (await created.json()) as { lksId: string };
  const admin = (await apiSignIn("admin@akrab.test")).cookie;
  const outbox = (await (await apiFetch("/api/v1/national/outbox?limit=50", { cookie: admin })).json()) as {
    items: { recipient: string; body: string }[];
  };
  const token = /\/verify-email\/([\w-]+)/.exec(
    outbox.items.find((message) => message.recipient === email)?.body ?? "",
  )?.[1];
  expect(token).toBeTruthy();
  expect((await apiFetch("/api/v1/auth/verify-email", { method: "POST", body: { token } })).status).toBe(204);
  return lksId;
}

describe("return for correction: comments beside the fields, an edit conflict, resubmission", () => {
  const name = `LKS Lansia Sukarasa ${digits(4)}`;
  const email = unique("operator.lansia");
  const password = "senja di pantai anyer";
  let lksId = "";

  test("the verifier returns the registration with a comment per field", async () => {
    lksId = await registeredLks(name, email, password);
    const { page, context, pageErrors } = await open(browser);
    await login(page, "dinsos.kota-tangerang@akrab.test");
    await actAs(page, "Verifikator Dinsos");
    await page.goto(`/t/kota-tangerang/lks/${lksId}`);
    await page.getByRole("heading", { level: 1, name }).waitFor();
    await page.locator("summary", { hasText: "Kembalikan untuk perbaikan" }).click();
    const form = page.getByTestId("return-form");
    await form.getByLabel("Isian").selectOption({ label: "NPWP" });
    await form.getByLabel("Catatan perbaikan").fill("NPWP tidak sesuai kartu NPWP yang dilampirkan.");
    await form.getByRole("button", { name: "Tambah catatan" }).click();
    await form.getByLabel("Isian").nth(1).selectOption({ label: "Pengurus" });
    await form.getByLabel("Catatan perbaikan").nth(1).fill("Tambahkan sekretaris dan bendahara.");
    await shot(page, "lks-return-form");
    await form.getByRole("button", { name: "Kembalikan untuk perbaikan" }).click();
    await page.getByTestId("lks-notice").waitFor();
    expect(await page.getByTestId("lks-status").innerText()).toBe("Dikembalikan untuk perbaikan");
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  test("the operator sees the notes next to the fields, meets a conflicting edit, keeps theirs, resubmits", async () => {
    const { page, context, cspViolations, pageErrors } = await open(browser, { width: 360, height: 740 });
    await login(page, email, password);
    await page.getByRole("link", { name: "Lihat catatan dan perbaiki" }).click();
    await page.getByRole("heading", { level: 1, name }).waitFor();
    const box = page.getByTestId("returned-box");
    expect(await box.innerText()).toContain("NPWP tidak sesuai kartu");
    await page.getByRole("button", { name: "Perbaiki data" }).click();
    await page.getByTestId("return-note-npwp").getByText("NPWP tidak sesuai kartu").waitFor();
    await page.getByTestId("return-note-board").waitFor();
    expect(await overflowsHorizontally(page)).toBe(false);
    await shot(page, "mobile-lks-fix-with-notes");

    const newNpwp = "09.876.543.2-101.000";
    await page.getByLabel("NPWP").fill(newNpwp);
    await page.getByRole("button", { name: "Tambah pengurus" }).click();
    await page.getByLabel("Nama lengkap").nth(1).fill("Dewi Lestari");
    await page.getByLabel("Jabatan").nth(1).fill("Sekretaris");
    await page.getByLabel("NIK (nomor KTP)").nth(1).fill("3671014405850001");

    // Meanwhile the Dinsos corrects the phone number: this editor's version is now stale.
    const verifier = (await apiSignIn("dinsos.kota-tangerang@akrab.test")).cookie;
    const current = (await (await apiFetch(`/api/v1/t/kota-tangerang/lks/${lksId}`, { cookie: verifier })).json()) as {
      version: number;
      profile: Record<string, unknown>;
    };
    const patched = await apiFetch(`/api/v1/t/kota-tangerang/lks/${lksId}`, {
      method: "PATCH",
      cookie: verifier,
      body: { profile: { ...current.profile, phone: "021 5550000" }, expectedVersion: current.version },
    });
    expect(patched.status).toBe(200);

    // The edit carries each changed field's starting value: the Dinsos changed only the phone, so
    // the two merge field by field (nothing to choose) and both are kept.
    await page.getByRole("button", { name: "Simpan perubahan" }).click();
    await page.getByTestId("lks-notice").getByText("Perubahan disimpan").waitFor();
    const merged = (await (await apiFetch(`/api/v1/t/kota-tangerang/lks/${lksId}`, { cookie: verifier })).json()) as {
      profile: Record<string, unknown>;
    };
    expect(merged.profile.phone).toBe("+62215550000");
    expect(String(merged.profile.npwp).replace(/\D/g, "")).toBe(newNpwp.replace(/\D/g, ""));

    await page.getByRole("button", { name: "Kirim ulang untuk verifikasi" }).click();
    await page.getByTestId("lks-notice").getByText("dikirim ulang").waitFor();
    expect(await page.getByTestId("lks-status").innerText()).toBe("Menunggu verifikasi");

    await page.getByRole("tab", { name: "Riwayat perubahan" }).click();
    const history = page.getByTestId("lks-history");
    await history.getByText(newNpwp).waitFor();
    expect(await history.innerText()).toContain("Dewi Lestari");
    expect(await overflowsHorizontally(page)).toBe(false);
    await shot(page, "mobile-lks-history");
    expect(cspViolations).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
