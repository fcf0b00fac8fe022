/**
 * Nothing a person typed is lost, online or off (issue 11), for the texts sent straight to the
 * server. A Dinsos verifier on a 360 px phone types a return for revision; the link drops and the
 * page reloads before it was sent: the dialog gives the text back (the person's draft on the
 * device), the return waits in the outbox, and reaches the server once when the link returns. A
 * recommendation (it needs the application as the server holds it now) says it needs a connection
 * offline and keeps its comment over a reload. An asesor declines an invitation without signal: the
 * decline is listed as not sent, survives a reload, and is recorded once when the link returns.
 * A long form's draft is its person's: what one Dinsos verifier left in "register an LKS" on a shared
 * phone is not shown to the next person who signs in there, and is gone once they signed out.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { registerLksWithApplication, type LksWithApplication } from "../../bench/photo.ts";
import {
  actAs,
  apiFetch,
  apiSignIn,
  baseUrl,
  controlledByServiceWorker,
  launch,
  login,
  open,
  overflowsHorizontally,
  shot,
  transition,
  uploadRequiredDocuments,
  wholeShellOnDevice,
} from "./helpers.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const VERIFIER = "dinsos.kota-tangerang@akrab.test";
const ITEM_NOTE = "Tanda tangan ketua pada akta tidak terlihat.";
const RETURN_NOTE = "Mohon lengkapi akta sebelum diajukan ulang.";
const RECOMMEND_NOTE = "Berkas sudah diperiksa, menunggu rapat pimpinan.";

/** The drafts this device keeps (`akrab.draft.u.<user>.<place>`), by key. */
const drafts = (page: import("playwright-core").Page) =>
  page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith("akrab.draft.u.")));

describe("typed reasons never lost", () => {
  let setup: LksWithApplication;
  let appApi: string;
  let appPath: string;

  beforeAll(async () => {
    setup = await registerLksWithApplication(baseUrl(), "Panti Asuhan Uji Draf");
    appApi = `/api/v1/t/${setup.tenant}/applications/${setup.applicationId}`;
    appPath = `/t/${setup.tenant}/permohonan/${setup.applicationId}`;
    await uploadRequiredDocuments(setup, setup.tenant, setup.applicationId);
    const operator = (await apiSignIn(setup.email, setup.password)).cookie;
    await transition(operator, setup.tenant, setup.applicationId, "submit");
  });

  test("a return typed before the link dropped is there after a reload, and is sent once", async () => {
    const { page, context, pageErrors, cspViolations } = await open(browser, { width: 360, height: 740 });
    await login(page, VERIFIER);
    await controlledByServiceWorker(page);
    await actAs(page, "Verifikator Dinsos");
    const reader = (await apiSignIn(VERIFIER)).cookie;
    const checklist = (
      (await (await apiFetch(appApi, { cookie: reader })).json()) as { checklist: { key: string; required: boolean }[] }
    ).checklist;
    const document = checklist.find((item) => item.required);
    if (!document) throw new Error("the default checklist has a required document");

    await page.goto(appPath);
    const step = page.getByTestId("appl-step").filter({ hasText: "Verifikasi Dinsos kabupaten/kota" });
    await step.waitFor();
    await page.waitForLoadState("networkidle");
    const returning = page.getByTestId("appl-actions").getByRole("button", { name: "Kembalikan untuk perbaikan" });
    const recommending = page.getByTestId("appl-actions").getByRole("button", { name: "Rekomendasikan" });
    // The dialog's code comes with the first pointer over an action (online, as a person would).
    await returning.hover();
    await page.waitForLoadState("networkidle");
    await wholeShellOnDevice(page);

    // Typed online; then the link drops and the page reloads before it was sent.
    await returning.click();
    const dialog = page.getByRole("dialog");
    await dialog.locator("#ri-kind-0").selectOption("document");
    await dialog.locator("#ri-ref-0").selectOption(document.key);
    await dialog.locator("#ri-msg-0").fill(ITEM_NOTE);
    await dialog.getByLabel("Catatan (wajib)").fill(RETURN_NOTE);
    await context.setOffline(true);
    await page.reload();
    await step.waitFor();

    // The dialog opens again with what was typed.
    await returning.click();
    await expect.poll(() => dialog.locator("#ri-msg-0").inputValue(), { timeout: 10_000 }).toBe(ITEM_NOTE);
    expect(await dialog.locator("#ri-kind-0").inputValue()).toBe("document");
    expect(await dialog.locator("#ri-ref-0").inputValue()).toBe(document.key);
    expect(await dialog.getByLabel("Catatan (wajib)").inputValue()).toBe(RETURN_NOTE);
    await dialog.getByRole("button", { name: "Batal" }).click();

    // A recommendation needs the server's current state: offline its button says so, and its comment stays.
    await recommending.click();
    const confirm = dialog.getByTestId("action-confirm");
    await confirm.filter({ hasText: "Perlu koneksi untuk mengirim" }).waitFor();
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel(/Catatan/).fill(RECOMMEND_NOTE);
    expect(await overflowsHorizontally(page)).toBe(false);
    await shot(page, "mobile-draft-needs-connection");
    await page.reload();
    await step.waitFor();
    await recommending.click();
    await expect.poll(() => dialog.getByLabel(/Catatan/).inputValue(), { timeout: 10_000 }).toBe(RECOMMEND_NOTE);
    await dialog.getByRole("button", { name: "Batal" }).click();

    // The return may wait on the device: it goes to the outbox, and its draft goes.
    await returning.click();
    await expect.poll(() => dialog.locator("#ri-msg-0").inputValue(), { timeout: 10_000 }).toBe(ITEM_NOTE);
    await confirm.click();
    await page.getByTestId("appl-notice").filter({ hasText: "Disimpan di perangkat" }).waitFor();
    expect((await drafts(page)).filter((key) => key.endsWith(":return"))).toEqual([]);

    // Another reload (still offline): it is listed as not sent, with its note.
    await page.reload();
    await page.getByTestId("unsent-count").getByRole("link", { name: "Lihat" }).click();
    const item = page.getByTestId("outbox-item").filter({ hasText: "Kembalikan untuk perbaikan" });
    await item.waitFor();
    expect(await item.innerText()).toContain(RETURN_NOTE);

    // Online: sent once, with the typed message.
    await context.setOffline(false);
    await page.getByTestId("outbox-empty").waitFor({ timeout: 60_000 });
    const after = (await (await apiFetch(appApi, { cookie: reader })).json()) as {
      step: { id: string };
      returnItems?: { message: string }[];
    };
    expect(after.step.id).toBe("revision");
    const timeline = (
      (await (await apiFetch(`${appApi}/timeline`, { cookie: reader })).json()) as {
        items: { action: string; comment?: string | null }[];
      }
    ).items;
    const returns = timeline.filter((entry) => entry.action === "return");
    expect(returns.length, "one return for revision").toBe(1);
    expect(JSON.stringify(returns[0])).toContain(RETURN_NOTE);
    expect(JSON.stringify(after)).toContain(ITEM_NOTE);

    // Signed out: the draft left behind (the recommendation's) goes with everything else kept.
    expect((await drafts(page)).length).toBeGreaterThan(0);
    await page.goto("/");
    await page.getByRole("button", { name: "Keluar" }).click();
    await page.waitForURL((url) => url.pathname === "/login");
    await expect.poll(() => drafts(page), { timeout: 10_000 }).toEqual([]);

    expect(pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
    await context.close();
  }, 240_000);

  test("an asesor's decline without signal is listed, survives a reload, and is recorded once", async () => {
    const LKS = "Panti Uji Draf Asesor";
    const REASON = "Sedang bertugas di luar provinsi sampai akhir bulan.";
    const { page, context, pageErrors } = await open(browser, { width: 360, height: 740 });
    await login(page, "draf.asesor@akrab.test");
    await controlledByServiceWorker(page);
    await page.goto("/penugasan");
    const card = page.getByTestId("pn-assignment").filter({ hasText: LKS });
    await card.getByTestId("pn-declaration").waitFor();
    await page.waitForLoadState("networkidle");
    await wholeShellOnDevice(page);

    await context.setOffline(true);
    await card.getByTestId("pn-decline-open").click();
    await card.getByTestId("pn-reason").fill(REASON);
    await card.getByTestId("pn-decline").click();
    await card.getByTestId("pn-unsent").waitFor();
    expect(await overflowsHorizontally(page)).toBe(false);
    await shot(page, "mobile-decline-unsent");

    await page.reload();
    await card.getByTestId("pn-unsent").waitFor({ timeout: 20_000 });
    expect(await card.getByTestId("pn-reason").inputValue()).toBe(REASON);
    await page.getByTestId("unsent-count").getByRole("link", { name: "Lihat" }).click();
    const item = page.getByTestId("outbox-item").filter({ hasText: `Penolakan penugasan · ${LKS}` });
    await item.waitFor();
    expect(await item.innerText()).toContain(REASON);

    await context.setOffline(false);
    await page.getByTestId("outbox-empty").waitFor({ timeout: 60_000 });
    const mine = (
      (await (
        await apiFetch("/api/v1/me/assignments", { cookie: (await apiSignIn("draf.asesor@akrab.test")).cookie })
      ).json()) as {
        items: { lks: { name: string }; status: string; declineReason: string | null }[];
      }
    ).items.filter((a) => a.lks.name === LKS);
    expect(mine.map((a) => [a.status, a.declineReason])).toEqual([["declined", REASON]]);
    // Sent twice, the second would be refused as already answered (and listed): the empty list and
    // this one answer are the one decline.
    await page.goto("/penugasan");
    await expect.poll(() => card.getAttribute("data-status"), { timeout: 15_000 }).toBe("declined");
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 180_000);
});

describe("a long form's draft is its person's", () => {
  test("a draft left in 'register an LKS' is not shown to the next person on the phone, and sign-out removed it", async () => {
    const FIRST = "dinsos.jakarta@akrab.test";
    const NAME = "Panti Uji Draf Ponsel Bersama";
    const { page, context, pageErrors, cspViolations } = await open(browser, { width: 360, height: 740 });
    const name = page.getByLabel("Nama LKS");
    const province = page.getByLabel("Provinsi", { exact: true });
    /** The form has opened (its region comes from the tenant once it looked for a draft). */
    const opened = async () => {
      await page.goto("/lks/baru");
      await expect.poll(() => province.inputValue(), { timeout: 15_000 }).toBe("31");
    };
    const signOut = async () => {
      await page.goto("/");
      await page.getByRole("button", { name: "Keluar" }).click();
      await page.waitForURL((url) => url.pathname === "/login");
    };

    // The first person types, does not send, and the draft is kept as theirs (it survives a reload).
    await login(page, FIRST);
    await opened();
    await name.fill(NAME);
    await page.getByText(/Draf tersimpan di perangkat ini/).waitFor({ timeout: 10_000 });
    expect(await drafts(page)).toEqual([expect.stringMatching(/^akrab\.draft\.u\.[^.]+\.lks-new\.prov-dki-jakarta$/)]);
    await page.reload();
    await expect.poll(() => name.inputValue(), { timeout: 15_000 }).toBe(NAME);
    expect(await overflowsHorizontally(page)).toBe(false);
    await signOut();
    await expect.poll(() => drafts(page), { timeout: 10_000 }).toEqual([]);

    // The next person on the same browser opens the same form of the same Dinsos: empty.
    await login(page, "draf.verifikator@akrab.test");
    await opened();
    expect(await name.inputValue()).toBe("");
    expect(await page.getByText(/Draf tersimpan di perangkat ini/).count()).toBe(0);
    await signOut();

    // The first person again: empty too (sign-out removed their draft).
    await login(page, FIRST);
    await opened();
    expect(await name.inputValue()).toBe("");
    expect(
      await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith("akrab.draft."))),
    ).toEqual([]);

    expect(pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
    await context.close();
  }, 180_000);
});
