/**
 * After the certificate (issue 14), on a 360 px phone: the Dinsos of Kabupaten Batang opens its home
 * and sees, under "Akreditasi segera berakhir", its LKS whose certificate ends in about 45 days
 * (fixtures/certificate-ending.sql), with the grade, the last valid day and the days left, and
 * follows the link to the LKS.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launch, login, open, overflowsHorizontally } from "./helpers.ts";

const PHONE = { width: 360, height: 740 };

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe("accreditation ending soon on the Dinsos home", () => {
  test("lists the LKS with grade, last valid day and days left, and links to it", async () => {
    const dinsos = await open(browser, PHONE);
    await login(dinsos.page, "dinsos.batang@akrab.test");
    const section = dinsos.page.getByTestId("expiring-certificates");
    await section.getByRole("heading", { name: "Akreditasi segera berakhir" }).waitFor();
    const entry = section.getByRole("listitem").filter({ hasText: "LKS Lansia Bahagia Batang" });
    expect(await entry.count()).toBe(1);
    const line = await entry.innerText();
    expect(line).toContain("Peringkat B");
    expect(line).toMatch(/berlaku sampai \d{1,2} \p{L}+ \d{4}/u);
    // 45 days on the server's UTC day; 44 once Jakarta's day has moved on ahead of it.
    expect(line).toMatch(/4[45] hari lagi/);
    expect(await overflowsHorizontally(dinsos.page)).toBe(false);
    await entry.getByRole("link", { name: "LKS Lansia Bahagia Batang" }).click();
    await dinsos.page.waitForURL(/\/t\/kab-batang\/lks\/[^/?]+$/);
    await dinsos.page.getByRole("heading", { level: 1, name: /LKS Lansia Bahagia Batang/ }).waitFor();
    expect(dinsos.pageErrors).toEqual([]);
    expect(dinsos.cspViolations).toEqual([]);
    await dinsos.context.close();
  });
});
