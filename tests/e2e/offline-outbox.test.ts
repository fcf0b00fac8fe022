/**
 * One not-yet-sent list for everything a person does offline (issue 11): a verifier on a 360 px
 * phone returns a document with a note, uploads a file for the LKS and returns the application for
 * revision, all without signal; after a reload all three are listed as not sent; online, each
 * reaches the server once. Then the LKS queues its resubmit offline while its application moves on
 * another device: the resubmit is refused with the server's reason, never applied to the new state.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { registerLksWithApplication, type LksWithApplication } from "../../bench/photo.ts";
import { makePdf } from "../support/tus-node-client.ts";
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

interface ChecklistItem {
  key: string;
  name: string;
  required: boolean;
  status: string;
  notes?: { message: string }[];
}
interface ApplicationRead {
  version: number;
  step: { id: string };
  letter: Record<string, unknown>;
  checklist: ChecklistItem[];
}

const VERIFIER = "dinsos.kota-tangerang@akrab.test";
const DOC_NOTE = "Cap yayasan tidak terbaca, mohon pindai ulang.";
const RETURN_NOTE = "Mohon perbaiki dokumen yang ditandai.";

describe("offline: uploads, checklist notes and workflow actions in one not-yet-sent list", () => {
  let setup: LksWithApplication;
  let appApi: string;
  let appPath: string;
  const read = async (cookie: string) => (await (await apiFetch(appApi, { cookie })).json()) as ApplicationRead;
  const timeline = async (cookie: string) =>
    ((await (await apiFetch(`${appApi}/timeline`, { cookie })).json()) as { items: { action: string }[] }).items;

  beforeAll(async () => {
    setup = await registerLksWithApplication(baseUrl(), "Panti Asuhan Uji Kotak Keluar");
    appApi = `/api/v1/t/${setup.tenant}/applications/${setup.applicationId}`;
    appPath = `/t/${setup.tenant}/permohonan/${setup.applicationId}`;
    // The LKS completes its documents and submits (through the API: this test is about what follows).
    await uploadRequiredDocuments(setup, setup.tenant, setup.applicationId);
    const operator = (await apiSignIn(setup.email, setup.password)).cookie;
    const current = await read(operator);
    const submitted = await apiFetch(`${appApi}/transitions`, {
      method: "POST",
      cookie: operator,
      body: { action: "submit", expectedVersion: current.version },
    });
    expect(submitted.status, await submitted.clone().text()).toBe(200);
  });

  test("a verifier's note, upload and return wait on the device, survive a reload, and are sent once each", async () => {
    const { page, context, pageErrors, cspViolations } = await open(browser, { width: 360, height: 740 });
    await login(page, VERIFIER);
    await controlledByServiceWorker(page);
    await actAs(page, "Verifikator Dinsos");
    const reader = (await apiSignIn(VERIFIER)).cookie;
    const before = await read(reader);
    const [noted, replaced] = before.checklist.filter((item) => item.required);
    if (!noted || !replaced) throw new Error("the default checklist has two required documents");
    const doc = (key: string) => page.getByTestId(`doc-${key}`);

    // Seen online once (and kept on the device), then the signal goes.
    await page.goto(appPath);
    await page.getByTestId("appl-step").filter({ hasText: "Verifikasi Dinsos kabupaten/kota" }).waitFor();
    await page.waitForLoadState("networkidle");
    // The dialog's code comes with the first pointer over an action (online, as a person would).
    await page.getByRole("button", { name: "Kembalikan untuk perbaikan" }).hover();
    await page.waitForLoadState("networkidle");
    await wholeShellOnDevice(page);
    await context.setOffline(true);

    // 1. A document returned with a note.
    await doc(noted.key)
      .getByRole("button", { name: `Kembalikan ${noted.name}` })
      .click();
    await doc(noted.key).getByLabel("Alasan dikembalikan (wajib)").fill(DOC_NOTE);
    await doc(noted.key).getByRole("button", { name: "Kirim pengembalian" }).click();
    await doc(noted.key).getByTestId("doc-unsent").filter({ hasText: DOC_NOTE }).waitFor();

    // 2. A newer file for another document, uploaded for the LKS.
    await doc(replaced.key).locator("summary").filter({ hasText: "Unggah berkas untuk LKS" }).click();
    await doc(replaced.key)
      .locator(`#upload-${replaced.key}`)
      .setInputFiles({ name: "pindaian-ulang.pdf", mimeType: "application/pdf", buffer: makePdf(6000) });
    await page.locator('[data-testid="upload-item"][data-state="offline"]').waitFor();

    // 3. The application returned for revision: it may wait on the device (a second click adds nothing).
    await page.getByRole("button", { name: "Kembalikan untuk perbaikan" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.locator("#ri-kind-0").selectOption("document");
    await dialog.locator("#ri-ref-0").selectOption(noted.key);
    await dialog.locator("#ri-msg-0").fill(DOC_NOTE);
    await dialog.getByLabel("Catatan (wajib)").fill(RETURN_NOTE);
    await dialog.getByTestId("action-confirm").click();
    await page.getByTestId("appl-notice").filter({ hasText: "Disimpan di perangkat" }).waitFor();
    await page.getByRole("button", { name: "Kembalikan untuk perbaikan" }).click();
    await dialog.getByTestId("action-confirm").click();
    await page.getByTestId("appl-notice").filter({ hasText: "Disimpan di perangkat" }).waitFor();

    // A reload (still offline): the three are one list, counted together in the banner.
    await page.reload();
    await page
      .getByTestId("unsent-count")
      .getByText(/^3 perubahan belum terkirim sejak \d/)
      .waitFor();
    await page.getByTestId("unsent-count").getByRole("link", { name: "Lihat" }).click();
    await page.getByRole("heading", { level: 1, name: "Perubahan belum terkirim" }).waitFor();
    const changes = page.getByTestId("outbox-item");
    const upload = page.getByTestId("outbox-upload");
    await upload.waitFor();
    expect(await changes.count()).toBe(2);
    expect(await page.locator("[data-testid='outbox-item'], [data-testid='outbox-upload']").count()).toBe(3);
    expect(await changes.filter({ hasText: `Pemeriksaan dokumen ${noted.name}` }).innerText()).toContain(DOC_NOTE);
    expect(await changes.filter({ hasText: "Kembalikan untuk perbaikan" }).innerText()).toContain(RETURN_NOTE);
    expect(await upload.innerText()).toContain("pindaian-ulang.pdf");
    for (const state of await changes.getByTestId("outbox-state").allInnerTexts())
      expect(state).toContain("Menunggu sambungan");
    expect(await overflowsHorizontally(page)).toBe(false);
    await shot(page, "mobile-outbox-mixed");

    // Online: the note, then the file, then the return (it waited for the file): the list empties.
    await context.setOffline(false);
    await page.getByTestId("outbox-empty").waitFor({ timeout: 60_000 });
    expect(await page.getByTestId("unsent-count").count()).toBe(0);

    const after = await read(reader);
    expect(after.step.id).toBe("revision");
    const returns = (await timeline(reader)).filter((entry) => entry.action === "return");
    expect(returns.length, "one return for revision").toBe(1);
    const notes = after.checklist.find((item) => item.key === noted.key)?.notes?.map((n) => n.message) ?? [];
    expect(notes.filter((message) => message === DOC_NOTE).length, `the note once: ${JSON.stringify(notes)}`).toBe(1);
    const documents = (await (await apiFetch(`${appApi}/documents`, { cookie: reader })).json()) as {
      items: { requirement: string | null; versions: { filename: string }[] }[];
    };
    const versions = documents.items.find((d) => d.requirement === replaced.key)?.versions ?? [];
    expect(versions.map((v) => v.filename)).toContain("pindaian-ulang.pdf");
    expect(versions.length, "one new version").toBe(2);

    expect(pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
    await context.close();
  }, 180_000);

  test("a resubmit queued offline is refused with the server's reason when the application moved meanwhile", async () => {
    // The returned document is uploaded again, so only the move below can hold the resubmit back.
    await uploadRequiredDocuments(setup, setup.tenant, setup.applicationId);
    const { page, context, pageErrors } = await open(browser, { width: 360, height: 740 });
    await login(page, setup.email, setup.password);
    await controlledByServiceWorker(page);
    await page.goto(appPath);
    await page.getByTestId("appl-step").filter({ hasText: "Perbaikan oleh LKS" }).waitFor();
    const resubmit = page.getByTestId("appl-actions").getByRole("button", { name: "Ajukan ulang" });
    await resubmit.hover();
    await page.waitForLoadState("networkidle");
    await wholeShellOnDevice(page);
    await context.setOffline(true);
    await resubmit.click();
    await page.getByRole("dialog").getByTestId("action-confirm").click();
    await page.getByTestId("appl-notice").filter({ hasText: "Disimpan di perangkat" }).waitFor();

    // A withdrawal needs a connection: its button says so instead of sending (nothing waits).
    await page.getByTestId("appl-actions").getByRole("button", { name: "Tarik permohonan" }).click();
    const withdraw = page.getByRole("dialog").getByTestId("action-confirm");
    await withdraw.filter({ hasText: "Perlu koneksi untuk mengirim" }).waitFor({ timeout: 15_000 });
    expect(await withdraw.isDisabled()).toBe(true);
    await page.getByRole("dialog").getByRole("button", { name: "Batal" }).click();

    // Meanwhile, on another device, the operator corrects the letter: the application moves on.
    const elsewhere = (await apiSignIn(setup.email, setup.password)).cookie;
    const current = await read(elsewhere);
    const moved = await apiFetch(`${appApi}/letter`, {
      method: "PUT",
      cookie: elsewhere,
      body: { expectedVersion: current.version, letter: { ...current.letter, summary: "Diubah di perangkat lain." } },
    });
    expect(moved.status, await moved.clone().text()).toBe(200);

    await page.goto("/perubahan");
    const item = page.getByTestId("outbox-item").filter({ hasText: "Ajukan ulang" });
    await item.waitFor();
    await context.setOffline(false);
    await item
      .getByTestId("outbox-state")
      .filter({ hasText: "Ditolak server: Permohonan telah diubah orang lain" })
      .waitFor({ timeout: 30_000 });
    expect(await overflowsHorizontally(page)).toBe(false);
    await shot(page, "mobile-outbox-refused");

    const after = await read(elsewhere);
    expect(after.step.id, "never applied to the moved application").toBe("revision");
    expect((await timeline(elsewhere)).filter((entry) => entry.action === "resubmit").length).toBe(0);
    // Discarded by the person, it leaves the list.
    page.once("dialog", (d) => void d.accept());
    await item.getByRole("button", { name: "Buang" }).click();
    await page.getByTestId("outbox-empty").waitFor();
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 180_000);

  test("a list served by cursor: a page at a time, a failed page with its retry, the end of the list", async () => {
    // More than one page (50) of profile history: eleven edits of five fields each.
    const operator = (await apiSignIn(setup.email, setup.password)).cookie;
    const lksApi = `/api/v1/t/${setup.tenant}/lks/${setup.lksId}`;
    for (let n = 1; n <= 11; n++) {
      const current = (await (await apiFetch(lksApi, { cookie: operator })).json()) as {
        version: number;
        profile: Record<string, unknown>;
      };
      const edited = await apiFetch(lksApi, {
        method: "PATCH",
        cookie: operator,
        body: {
          expectedVersion: current.version,
          profile: {
            ...current.profile,
            phone: `0812 3456 70${String(n).padStart(2, "0")}`,
            email: `pengurus${n}@contoh.test`,
            capacity: 30 + n,
            currentClients: 10 + n,
            staffCount: 5 + n,
          },
        },
      });
      expect(edited.status, await edited.clone().text()).toBe(200);
    }
    const total = (
      (await (await apiFetch(`${lksApi}/history?limit=200`, { cookie: operator })).json()) as { items: unknown[] }
    ).items.length;
    expect(total).toBeGreaterThan(50);

    const { page, context, pageErrors } = await open(browser, { width: 360, height: 740 });
    await login(page, setup.email, setup.password);
    await page.goto(`/t/${setup.tenant}/lks/${setup.lksId}`);
    await page.getByRole("tab", { name: "Riwayat perubahan" }).click();
    const entries = page.getByTestId("lks-history").locator("li");
    await entries.nth(49).waitFor();
    expect(await entries.count()).toBe(50);

    // The next page fails once (server trouble): the list says why and offers to try again.
    let failed = 0;
    await page.route(/\/history\?.*cursor=/, async (route) => {
      if (failed++ === 0)
        await route.fulfill({
          status: 503,
          contentType: "application/problem+json",
          body: JSON.stringify({ title: "Sibuk", status: 503, detail: "Server sedang sibuk" }),
        });
      else await route.continue();
    });
    await page.getByRole("button", { name: "Muat lagi" }).click();
    const alert = page.getByRole("alert").filter({ hasText: "Server sedang sibuk" });
    await alert.waitFor();
    expect(await entries.count(), "the rows shown stay").toBe(50);
    await alert.getByRole("button", { name: "Coba lagi" }).click();
    await entries.nth(total - 1).waitFor();
    expect(await entries.count()).toBe(total);
    // The end of the list: no button asks for more.
    expect(await page.getByRole("button", { name: "Muat lagi" }).count()).toBe(0);
    expect(await alert.count()).toBe(0);
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 120_000);

  test("a file queued in the upload queue's old database before the update is moved over and sent", async () => {
    // The verifier (who may upload for the LKS while the application is open, whoever holds it).
    const { page, context, pageErrors } = await open(browser, { width: 360, height: 740 });
    await login(page, VERIFIER);
    await actAs(page, "Verifikator Dinsos");
    await page.goto(appPath);
    await page.getByTestId("checklist").waitFor();
    const operator = (await apiSignIn(VERIFIER)).cookie;
    const target = (await read(operator)).checklist.find((item) => item.required);
    if (!target) throw new Error("no required document");
    const bytes = [...makePdf(5000)];

    // What the previous version of the app left on a phone: its own database, one file waiting.
    await page.evaluate(
      async ({ bytes, tenant, applicationId, requirement }) => {
        const me = (await (await fetch("/api/v1/auth/me")).json()) as { user: { id: string } };
        const data = new Uint8Array(bytes);
        const hash = [...new Uint8Array(await crypto.subtle.digest("SHA-256", data))]
          .map((b) => b.toString(16).padStart(2, "0"))
          .join("");
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open("akrab-uploads", 1);
          request.onupgradeneeded = () => {
            request.result.createObjectStore("queue", { keyPath: "id" }).createIndex("userId", "userId");
            request.result.createObjectStore("files", { keyPath: "id" });
          };
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction(["queue", "files"], "readwrite");
          const id = "antrean-lama-1";
          tx.objectStore("files").put({ id, blob: new Blob([data], { type: "application/pdf" }), thumbnail: null });
          tx.objectStore("queue").put({
            id,
            userId: me.user.id,
            tenant,
            target: { applicationId, requirement },
            label: requirement,
            filename: "berkas-antrean-lama.pdf",
            filetype: "application/pdf",
            size: data.byteLength,
            originalSize: data.byteLength,
            sha256: hash,
            maxBytes: 2 * 1024 * 1024,
            acceptedTypes: ["pdf"],
            uploadUrl: null,
            offset: 0,
            documentId: null,
            state: "queued",
            failure: null,
            createdAt: Date.now(),
          });
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
        db.close();
      },
      { bytes, tenant: setup.tenant, applicationId: setup.applicationId, requirement: target.key },
    );

    // The updated app opens its database: the file is taken over and goes out by itself.
    await page.reload();
    await expect
      .poll(
        async () => {
          const documents = (await (await apiFetch(`${appApi}/documents`, { cookie: operator })).json()) as {
            items: { requirement: string | null; versions: { filename: string }[] }[];
          };
          return documents.items
            .find((d) => d.requirement === target.key)
            ?.versions.some((v) => v.filename === "berkas-antrean-lama.pdf");
        },
        { timeout: 30_000, interval: 500 },
      )
      .toBe(true)
      .catch(async (error) => {
        const state = await page.evaluate(async () => ({
          databases: (await indexedDB.databases()).map((d) => `${d.name}@${d.version}`),
          queue: document.querySelector("[data-testid='upload-queue']")?.textContent ?? null,
        }));
        throw new Error(`the old queue's file did not arrive: ${JSON.stringify(state)} ${pageErrors.join(" | ")}`, {
          cause: error,
        });
      });
    const databases = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
    expect(databases).not.toContain("akrab-uploads");
    expect(pageErrors).toEqual([]);
    await context.close();
  }, 120_000);
});
