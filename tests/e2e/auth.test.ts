import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { DEMO_PASSWORD, apiFetch, launch, login, open, shot, text } from "./helpers.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe("login", () => {
  test("a wrong password shows the API's message and keeps the user on /login", async () => {
    const { page, context, cspViolations } = await open(browser);
    await page.goto("/login");
    await page.getByLabel("Email").fill("dinsos.kota-tangerang@akrab.test");
    await page.getByLabel("Kata sandi", { exact: true }).fill("bukan-kata-sandinya");
    await page.getByRole("button", { name: "Masuk" }).click();
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.innerText()).toBe("Email atau kata sandi salah"); // the API's detail, Indonesian half
    expect(new URL(page.url()).pathname).toBe("/login");
    await shot(page, "login-wrong-password");
    expect(cspViolations).toEqual([]);
    await context.close();
  });

  test("too many attempts show 'coba lagi dalam N menit' from Retry-After", async () => {
    const email = `ratelimit.${Date.now()}@akrab.test`;
    // The API allows 10 failed attempts per account per window; use them up from Node.
    for (let i = 0; i < 10; i++) {
      const response = await apiFetch("/api/v1/auth/login", {
        method: "POST",
        body: { email, password: "salah-salah-salah" },
      });
      expect(response.status).toBe(401);
    }
    const { page, context } = await open(browser);
    await page.goto("/login");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Kata sandi", { exact: true }).fill("salah-salah-salah");
    await page.getByRole("button", { name: "Masuk" }).click();
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/^Terlalu banyak percobaan masuk\. Coba lagi dalam \d+ menit\.$/);
    await shot(page, "login-rate-limited");
    await context.close();
  });

  test("language switch: English and back, remembered across reloads, <html lang> follows", async () => {
    const { page, context, cspViolations } = await open(browser);
    await page.goto("/login");
    expect(await page.getAttribute("html", "lang")).toBe("id");
    await page.getByRole("heading", { level: 1, name: "Masuk" }).waitFor();

    await page.getByRole("button", { name: /English/ }).click();
    await page.getByRole("heading", { level: 1, name: "Log in" }).waitFor();
    expect(await page.getAttribute("html", "lang")).toBe("en");
    expect(await page.getByRole("link", { name: "Forgot password?" }).count()).toBe(1);
    await shot(page, "login-english");

    await page.reload();
    await page.getByRole("heading", { level: 1, name: "Log in" }).waitFor();
    expect(await page.getAttribute("html", "lang")).toBe("en");

    // Switching language keeps what was typed.
    await page.getByLabel("Email").fill("lks@akrab.test");
    await page.getByRole("button", { name: /Bahasa Indonesia/ }).click();
    await page.getByRole("heading", { level: 1, name: "Masuk" }).waitFor();
    expect(await page.getAttribute("html", "lang")).toBe("id");
    expect(await page.getByLabel("Email").inputValue()).toBe("lks@akrab.test");
    expect(cspViolations).toEqual([]);
    await context.close();
  });

  test("the home page follows the chosen language after login", async () => {
    const { page, context } = await open(browser);
    await login(page, "viewer@akrab.test");
    await page.getByRole("button", { name: /English/ }).click();
    await page.getByRole("heading", { level: 1, name: "Welcome, Pemantau Kemensos" }).waitFor();
    expect(await text(page)).toContain("National work queue");
    await shot(page, "home-viewer-english");
    await page.getByRole("button", { name: /Bahasa Indonesia/ }).click();
    await page.getByRole("heading", { level: 1, name: /Selamat datang/ }).waitFor();
    await context.close();
  });
});

describe("session", () => {
  test("home without a session goes to /login", async () => {
    const { page, context } = await open(browser);
    await page.goto("/");
    await page.waitForURL((url) => url.pathname === "/login");
    await page.getByRole("heading", { level: 1, name: "Masuk" }).waitFor();
    await page.goto("/admin/outbox");
    await page.waitForURL((url) => url.pathname === "/login" && url.searchParams.get("next") === "/admin/outbox");
    await context.close();
  });

  test("the token never reaches JS storage; the cookie is HttpOnly", async () => {
    const { page, context } = await open(browser);
    await login(page, "lks@akrab.test");
    const storage = (await page.evaluate(
      "JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage }, cookie: document.cookie })",
    )) as string;
    expect(storage).not.toMatch(/eyJ[\w-]+\.[\w-]+\./); // no JWT anywhere
    const cookies = await context.cookies();
    const session = cookies.find((cookie) => cookie.name.includes("akrab_session"));
    expect(session?.httpOnly).toBe(true);
    await context.close();
  });

  test("logout returns to /login and the session is dead afterwards", async () => {
    const { page, context, cspViolations } = await open(browser);
    await login(page, "asesor@akrab.test");
    const cookie = (await context.cookies()).find((c) => c.name.includes("akrab_session"));
    expect(cookie).toBeDefined();
    const oldCookie = `${cookie!.name}=${cookie!.value}`;

    await page.getByRole("button", { name: "Keluar" }).click();
    await page.waitForURL((url) => url.pathname === "/login");
    await page.getByText("Anda telah keluar.").waitFor();

    const status = await page.evaluate(
      "fetch('/api/v1/auth/me', { credentials: 'same-origin' }).then((r) => r.status)",
    );
    expect(status).toBe(401);
    // The server revoked the session: the old cookie no longer works either.
    expect((await apiFetch("/api/v1/auth/me", { cookie: oldCookie })).status).toBe(401);

    // Back on a protected page: straight to /login.
    await page.goto("/");
    await page.waitForURL((url) => url.pathname === "/login");
    expect(cspViolations).toEqual([]);
    await context.close();
  });

  test("a session revoked elsewhere leads back to /login on the next API call", async () => {
    const { page, context } = await open(browser);
    await login(page, "dinsos.kota-tangerang@akrab.test");
    const cookie = (await context.cookies()).find((c) => c.name.includes("akrab_session"))!;
    // "Log out on another device": the same session ends server-side.
    expect(
      (await apiFetch("/api/v1/auth/logout", { method: "POST", cookie: `${cookie.name}=${cookie.value}` })).status,
    ).toBe(204);
    // The next API call ends on /login: picking a role makes one (it loads the LKS list), unless one
    // the home makes in the background (its work summary, a list coming near) already did.
    await page
      .getByLabel("Bertindak sebagai")
      .selectOption({ label: "Verifikator Dinsos" }, { timeout: 5_000 })
      .catch(() => undefined);
    await page.waitForURL((url) => url.pathname === "/login" && url.searchParams.get("next") === "/");
    await page.getByRole("heading", { level: 1, name: "Masuk" }).waitFor();
    await context.close();
  });

  test("the demo password still works (sanity)", async () => {
    const response = await apiFetch("/api/v1/auth/login", {
      method: "POST",
      body: { email: "admin@akrab.test", password: DEMO_PASSWORD },
    });
    expect(response.status).toBe(200);
  });
});
