/**
 * BALKS's supervision settings on /balks/instrumen (issue 14, "Supervision"), on a 360 px phone:
 * a value the API refuses is named at its field and nothing is saved; a change is saved; a save on
 * settings someone saved meanwhile shows the value saved now by the field, to take over. Only the
 * reminder and escalation thresholds move (improvement-plan.test.ts depends on the due days), and
 * every value is put back as it was found.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { apiFetch, apiSignIn, launch, login, open, overflowsHorizontally } from "./helpers.ts";

const PHONE = { width: 360, height: 780 };
const PATH = "/api/v1/national/supervision-settings";
type Settings = {
  correctionDays: number;
  planDays: number;
  remindBeforeDays: number;
  escalateDinsosAfterDays: number;
  escalateBalksAfterDays: number;
  version: number;
};

let browser: Browser;
let cookie: string;
let original: Settings;
const read = async () => (await (await apiFetch(PATH, { cookie })).json()) as Settings;
beforeAll(async () => {
  browser = await launch();
  cookie = (await apiSignIn("balks@akrab.test")).cookie;
  original = await read();
});
afterAll(async () => {
  await browser?.close();
  // The thresholds as they were, whatever happened above.
  const now = await read();
  const { version: _, ...values } = original;
  await apiFetch(PATH, { method: "PUT", cookie, body: { ...values, expectedVersion: now.version } });
});

describe("supervision settings on the web", () => {
  test("BALKS changes the escalation to BALKS; a stale save shows the value saved now at its field", async () => {
    const balks = await open(browser, PHONE);
    await login(balks.page, "balks@akrab.test");
    await balks.page.goto("/balks/instrumen");
    const settings = balks.page.getByTestId("supervision-settings");
    const toBalks = settings.getByLabel("Eskalasi ke BALKS (hari lewat tenggat)");
    await toBalks.waitFor();
    expect(await toBalks.inputValue()).toBe(String(original.escalateBalksAfterDays));
    expect(await settings.getByLabel("Tenggat bukti perbaikan (hari)").inputValue()).toBe(
      String(original.correctionDays),
    );
    const save = settings.getByRole("button", { name: "Simpan pengaturan" });

    // Not later than the escalation to the Dinsos: the API's problem sits under the field, nothing saved.
    await toBalks.fill(String(original.escalateDinsosAfterDays));
    await save.click();
    await settings
      .locator("#ss-escalateBalksAfterDays-error")
      .getByText(/lebih lama dari eskalasi ke Dinsos/)
      .waitFor();
    expect(await toBalks.getAttribute("aria-invalid")).toBe("true");
    expect((await read()).version).toBe(original.version);

    // A value the API takes is saved.
    const changed = original.escalateBalksAfterDays + 1;
    await toBalks.fill(String(changed));
    await save.click();
    await settings.getByText("Pengaturan pengawasan disimpan.").waitFor();
    expect(await read()).toMatchObject({ escalateBalksAfterDays: changed, version: original.version + 1 });
    expect(await toBalks.getAttribute("aria-invalid")).toBeNull();

    // Another editor changes the reminder meanwhile; this form's save is refused and shows theirs.
    const before = await read();
    const { version, ...values } = before;
    const remind = before.remindBeforeDays === 60 ? 59 : before.remindBeforeDays + 1;
    const other = await apiFetch(PATH, {
      method: "PUT",
      cookie,
      body: { ...values, remindBeforeDays: remind, expectedVersion: version },
    });
    expect(other.status).toBe(200);
    await toBalks.fill(String(changed + 1));
    await save.click();
    const current = settings.getByTestId("ss-remindBeforeDays-current");
    await current.waitFor();
    expect(await current.innerText()).toContain(String(remind));
    await settings.getByText(/Pengaturan pengawasan telah diubah orang lain/).waitFor();
    // Only the field that differs is marked; the escalation this form changed is not someone else's.
    expect(await settings.getByTestId("ss-escalateBalksAfterDays-current").count()).toBe(0);
    expect((await read()).escalateBalksAfterDays).toBe(changed);
    expect(await overflowsHorizontally(balks.page)).toBe(false);
    await settings.screenshot({ path: shotPath("supervision-settings-conflict-360") });

    // Taking theirs over keeps this form's escalation, and saves on the version saved now.
    await settings.getByRole("button", { name: "Pakai yang tersimpan sekarang" }).click();
    expect(await settings.getByLabel("Pengingat sebelum tenggat (hari)").inputValue()).toBe(String(remind));
    expect(await current.count()).toBe(0);
    await save.click();
    await settings.getByText("Pengaturan pengawasan disimpan.").waitFor();
    expect(await read()).toMatchObject({ remindBeforeDays: remind, escalateBalksAfterDays: changed + 1 });
    expect(balks.cspViolations).toEqual([]);
    expect(balks.pageErrors).toEqual([]);
    await balks.context.close();
  });
});

const shotPath = (name: string) => new URL(`./screenshots/${name}.png`, import.meta.url).pathname;
