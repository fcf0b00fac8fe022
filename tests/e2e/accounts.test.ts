import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { actAs, launch, login, open, shot, text, unique } from "./helpers.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** As platform admin: open the outbox and follow the link in the newest message to `recipient`. */
async function followOutboxLink(page: Page, recipient: string, subject: RegExp): Promise<void> {
  await login(page, "admin@akrab.test");
  await page.getByRole("link", { name: /Kotak keluar email/ }).click();
  await page.getByRole("heading", { level: 1, name: "Kotak keluar email" }).waitFor();
  const message = page
    .getByTestId("outbox-message")
    .filter({ hasText: recipient })
    .filter({ hasText: subject })
    .first();
  await message.waitFor();
  await shot(page, `outbox-${subject.source.replace(/\W+/g, "-").toLowerCase()}`);
  await message.getByRole("link").first().click();
}

// These steps build on each other: one new account, invited, then reset.
describe("invitation and password reset through the outbox", () => {
  const email = unique("operator.baru");
  const name = "Sari Operator Baru";
  const firstPassword = "kebun teh di lembang";
  const newPassword = "hujan sore di serang";

  test("a tenant admin invites a new LKS operator", async () => {
    const { page, context, cspViolations } = await open(browser);
    await login(page, "dinsos.kota-tangerang@akrab.test");
    await actAs(page, "Admin Dinsos");
    // The LKS list has loaded (ten at a time; other e2e files register LKS here too).
    await page.getByTestId("lks-list").getByRole("link").first().waitFor();
    // The invite form loads as it comes near the screen.
    await page.getByRole("heading", { name: "Undang pengguna" }).scrollIntoViewIfNeeded();
    await page.getByLabel("Email", { exact: true }).fill(email);
    await page.getByLabel("Peran").selectOption({ label: "Operator LKS" });
    await page.getByLabel("LKS", { exact: true }).selectOption({ label: "Panti Werdha Sejahtera Cipondoh" });
    await page.getByRole("button", { name: "Kirim undangan" }).click();
    const sent = page.getByTestId("invite-sent");
    await sent.waitFor();
    expect(await sent.innerText()).toContain(email);
    await shot(page, "invite-sent");
    expect(cspViolations).toEqual([]);
    await context.close();
  });

  test("the invitee follows the emailed link, sets a password and lands home", async () => {
    const { page, context, cspViolations } = await open(browser);
    await followOutboxLink(page, email, /undangan|invitation/i);
    await page.waitForURL((url) => url.pathname.startsWith("/invite/"));
    const inviteUrl = page.url();
    const summary = page.getByTestId("invite-summary");
    await summary.waitFor();
    expect(await summary.innerText()).toContain(email);
    expect(await summary.innerText()).toContain("Operator LKS");

    // A mismatch is caught before anything is sent.
    await page.getByLabel("Nama lengkap").fill(name);
    await page.getByLabel("Kata sandi", { exact: true }).fill(firstPassword);
    await page.getByLabel("Ulangi kata sandi").fill("sesuatu yang lain");
    await page.getByRole("button", { name: "Terima undangan" }).click();
    await page.getByText("Kedua kata sandi tidak sama.").waitFor();
    await shot(page, "invite-accept");

    await page.getByLabel("Ulangi kata sandi").fill(firstPassword);
    await page.getByRole("button", { name: "Terima undangan" }).click();
    await page.waitForURL((url) => url.pathname === "/");
    await page.getByRole("heading", { level: 1, name: `Selamat datang, ${name}` }).waitFor();
    await page.getByRole("heading", { name: "Panti Werdha Sejahtera Cipondoh" }).waitFor();
    await shot(page, "invite-landed-home");

    // The link is single-use.
    await page.goto(inviteUrl);
    await page.getByTestId("invite-not-found").waitFor();
    expect(cspViolations).toEqual([]);
    await context.close();
  });

  test("the new user resets the password through the outbox and logs in with the new one", async () => {
    const user = await open(browser);
    await user.page.goto("/login");
    await user.page.getByRole("link", { name: "Lupa kata sandi?" }).click();
    await user.page.getByRole("heading", { level: 1, name: "Atur ulang kata sandi" }).waitFor();
    await user.page.getByLabel("Email").fill(email);
    await user.page.getByRole("button", { name: "Kirim tautan" }).click();
    await user.page.getByTestId("reset-sent").or(user.page.getByRole("alert")).first().waitFor();
    expect(await user.page.getByRole("alert").count(), await text(user.page)).toBe(0);
    expect(await user.page.getByTestId("reset-sent").innerText()).toMatch(/^Jika email tersebut terdaftar/);
    await shot(user.page, "reset-requested");

    // An unknown email gets exactly the same answer.
    await user.page.goto("/reset-password");
    await user.page.getByLabel("Email").fill(unique("tidak.ada"));
    await user.page.getByRole("button", { name: "Kirim tautan" }).click();
    await user.page.getByTestId("reset-sent").waitFor();

    const admin = await open(browser);
    await followOutboxLink(admin.page, email, /sandi|password/i);
    await admin.page.waitForURL((url) => url.pathname.startsWith("/reset-password/"));
    await admin.page.getByRole("heading", { level: 1, name: "Buat kata sandi baru" }).waitFor();
    await admin.page.getByLabel("Kata sandi baru").fill(newPassword);
    await admin.page.getByLabel("Ulangi kata sandi").fill(newPassword);
    await shot(admin.page, "reset-new-password");
    await admin.page.getByRole("button", { name: "Simpan kata sandi" }).click();
    await admin.page.waitForURL((url) => url.pathname === "/login" && url.searchParams.has("reset"));
    await admin.page.getByText("Kata sandi berhasil diubah").waitFor();
    await shot(admin.page, "reset-done");

    await login(user.page, email, newPassword);
    expect(await text(user.page)).toContain("Panti Werdha Sejahtera Cipondoh");
    expect(user.cspViolations).toEqual([]);
    expect(admin.cspViolations).toEqual([]);
    await user.context.close();
    await admin.context.close();
  });

  test("an unknown invitation token says so plainly", async () => {
    const { page, context } = await open(browser);
    await page.goto("/invite/this-token-does-not-exist");
    await page.getByTestId("invite-not-found").waitFor();
    await context.close();
  });
});
