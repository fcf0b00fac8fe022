/**
 * Issue 11, "Simpan cadangan" and data-saver mode, at 360 px.
 *
 * Backup: an operator edits the LKS profile offline and saves the backup file without signal; a
 * fresh browser signed in as the same person refuses a copy with one value changed and another
 * person's file, restores the real one and sends it online; the first device, back online, sends
 * the same change with the same Idempotency-Key and gets the server's first answer replayed: the
 * server's history holds each field once.
 *
 * Data saver: with the browser's Save-Data on, an application page with a photo's thumbnail fetches
 * no image until "Tampilkan gambar" is pressed, then exactly that one; the meter shows a number.
 */
import { createHmac } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import jpeg from "jpeg-js";
import type { Browser, Page, Response } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { registerLksWithApplication, type LksWithApplication } from "../../bench/photo.ts";
import { sha256Hex, tusUpload } from "../support/tus-node-client.ts";
import {
  apiFetch,
  apiSignIn,
  baseUrl,
  controlledByServiceWorker,
  launch,
  login,
  open,
  overflowsHorizontally,
  shot,
} from "./helpers.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * A backup file signed in Node (sorted-key JSON, HMAC-SHA256), written from the format rather than
 * with the web's own code: another person's real file, and a check that the format is what it says.
 */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object")
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  return JSON.stringify(value);
}
function signAs(key: { userId: string; keyId: string; key: string }, userName: string, items: unknown[]) {
  const unsigned = {
    format: "akrab-cadangan",
    version: 1,
    keyId: key.keyId,
    userId: key.userId,
    userName,
    createdAt: new Date().toISOString(),
    items,
  };
  const mac = createHmac("sha256", Buffer.from(key.key, "base64url")).update(canonical(unsigned)).digest("base64url");
  return { ...unsigned, signature: mac };
}

type OutboxItem = { userId: string; values: Record<string, unknown> };

interface HistoryEntry {
  id: string;
  field: string;
  oldValue: unknown;
  newValue: unknown;
}

describe("Simpan cadangan: the signed backup file of unsent changes", () => {
  let setup: LksWithApplication;
  let other: LksWithApplication;
  beforeAll(async () => {
    [setup, other] = await Promise.all([
      registerLksWithApplication(baseUrl(), "Panti Asuhan Uji Cadangan"),
      registerLksWithApplication(baseUrl(), "Panti Asuhan Uji Cadangan Lain"),
    ]);
  });

  test("saved offline, refused when changed or another person's, restored elsewhere, applied once", async () => {
    const lksPath = `/t/${setup.tenant}/lks/${setup.lksId}`;
    const lksApi = `/api/v1/t/${setup.tenant}/lks/${setup.lksId}`;
    const { cookie } = await apiSignIn(setup.email, setup.password);
    const historyOf = async () =>
      ((await (await apiFetch(`${lksApi}/history?limit=50`, { cookie })).json()) as { items: HistoryEntry[] }).items;
    const seen = new Set((await historyOf()).map((entry) => entry.id));

    // Device A: signed in online (the backup key comes to the device), then the profile is edited offline.
    const a = await open(browser, { width: 360, height: 740 });
    await login(a.page, setup.email, setup.password);
    await controlledByServiceWorker(a.page);
    await a.page.goto(lksPath);
    await a.page.getByRole("heading", { level: 1, name: setup.name }).waitFor();
    await a.page.waitForLoadState("networkidle");
    await a.context.setOffline(true);
    const phone = "0813 7777 1234";
    const phoneStored = "+6281377771234";
    const email = "cadangan@contoh.test";
    await a.page.getByRole("button", { name: "Ubah profil" }).click();
    await a.page.getByLabel("Telepon").fill(phone);
    await a.page.getByLabel("Email", { exact: true }).fill(email);
    await a.page.getByRole("button", { name: "Simpan perubahan" }).click();
    await a.page.getByTestId("lks-notice").getByText("Disimpan di perangkat").waitFor();

    // Still offline: /perubahan lists it and saves the backup file.
    await a.page.getByTestId("unsent-count").getByRole("link", { name: "Lihat" }).click();
    await a.page.getByRole("heading", { level: 1, name: "Perubahan belum terkirim" }).waitFor();
    expect(await a.page.getByTestId("outbox-item").count()).toBe(1);
    const [download] = await Promise.all([
      a.page.waitForEvent("download"),
      a.page.getByRole("button", { name: "Simpan cadangan" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^akrab-cadangan-\d{8}-\d{4}\.json$/);
    const saved = join(tmpdir(), `${Date.now()}-${download.suggestedFilename()}`);
    await download.saveAs(saved);
    await a.page
      .getByTestId("backup-notice")
      .getByText(/Cadangan 1 perubahan disimpan sebagai akrab-cadangan-/)
      .waitFor();
    expect(await overflowsHorizontally(a.page)).toBe(false);
    await shot(a.page, "mobile-backup-saved");
    const file = JSON.parse(await readFile(saved, "utf8")) as { userId: string; items: OutboxItem[] };
    expect(file.items).toHaveLength(1);
    expect(file.items[0]!.values).toMatchObject({ phone, email });

    // A copy with one value changed, and a real file of another person (signed with their own key).
    const tampered = structuredClone(file);
    tampered.items[0]!.values.email = "diubah@contoh.test";
    const tamperedPath = `${saved}.diubah.json`;
    await writeFile(tamperedPath, JSON.stringify(tampered, null, 2));
    const otherSession = await apiSignIn(other.email, other.password);
    const otherKey = (await (await apiFetch("/api/v1/auth/backup-key", { cookie: otherSession.cookie })).json()) as {
      userId: string;
      keyId: string;
      key: string;
    };
    const theirs = signAs(otherKey, "Operator Lain", [{ ...file.items[0]!, userId: otherKey.userId }]);
    const theirsPath = `${saved}.lain.json`;
    await writeFile(theirsPath, JSON.stringify(theirs));

    // Device B: a fresh browser, the same person, online.
    const b = await open(browser, { width: 360, height: 740 });
    await login(b.page, setup.email, setup.password);
    await b.page.goto("/perubahan");
    await b.page.getByTestId("outbox-empty").waitFor();
    const restore = b.page.getByTestId("backup-restore");
    const refusal = b.page.getByTestId("backup-error");

    await restore.setInputFiles(tamperedPath);
    await refusal.getByText("Berkas cadangan ini telah diubah atau rusak").waitFor();
    await restore.setInputFiles(theirsPath);
    await refusal.getByText("Berkas cadangan ini milik Operator Lain, bukan akun Anda").waitFor();
    await shot(b.page, "mobile-backup-refused");
    expect(await b.page.getByTestId("outbox-item").count()).toBe(0);
    expect((await historyOf()).filter((entry) => !seen.has(entry.id))).toEqual([]);

    // The real file: listed, then sent (online) and gone from the list.
    await restore.setInputFiles(saved);
    await b.page.getByTestId("backup-notice").getByText("1 perubahan dari cadangan ditambahkan").waitFor();
    await b.page.getByTestId("outbox-empty").waitFor({ timeout: 30_000 });
    expect(await overflowsHorizontally(b.page)).toBe(false);
    await shot(b.page, "mobile-backup-restored");
    const after = (await (await apiFetch(lksApi, { cookie })).json()) as { profile: Record<string, unknown> };
    expect(after.profile).toMatchObject({ phone: phoneStored, email });

    // Device A comes back online and sends its own copy of the change, with the same key and body:
    // the server replays its first answer and changes nothing.
    const replays: string[] = [];
    a.page.on("response", (response: Response) => {
      if (response.request().method() === "PATCH" && new URL(response.url()).pathname === lksApi)
        replays.push(`${response.status()} ${response.headers()["idempotent-replayed"] ?? "first"}`);
    });
    await a.context.setOffline(false);
    await a.page.getByTestId("outbox-empty").waitFor({ timeout: 40_000 });
    expect(replays).toEqual(["200 true"]);

    const history = (await historyOf()).filter((entry) => !seen.has(entry.id));
    expect(history.map((entry) => entry.field).sort()).toEqual(["email", "phone"]);
    expect(a.pageErrors).toEqual([]);
    expect(b.pageErrors).toEqual([]);
    expect([...a.cspViolations, ...b.cspViolations]).toEqual([]);
    await a.context.close();
    await b.context.close();
  }, 180_000);
});

/** A small real photo (JPEG) and its thumbnail, as the browser would have made them. */
function photo(width: number, height: number): Buffer {
  const data = Buffer.alloc(width * height * 4);
  for (let i = 0; i < data.length; i += 4) {
    data[i] = (i / 4) % 256;
    data[i + 1] = 120;
    data[i + 2] = 200;
    data[i + 3] = 255;
  }
  return Buffer.from(jpeg.encode({ data, width, height }, 80).data);
}

describe("data saver: text first, images on request, the session meter", () => {
  let setup: LksWithApplication;
  beforeAll(async () => {
    setup = await registerLksWithApplication(baseUrl(), "Panti Asuhan Uji Hemat Data");
    const { cookie, token } = await apiSignIn(setup.email, setup.password);
    const file = photo(640, 480);
    await tusUpload({
      endpoint: `${baseUrl()}/api/v1/t/${setup.tenant}/uploads`,
      token,
      file,
      metadata: {
        filename: "IMG_hemat.jpg",
        filetype: "image/jpeg",
        sha256: sha256Hex(file),
        applicationId: setup.applicationId,
        requirement: "formulir_b",
      },
      chunkSize: 256 * 1024,
      timeoutMs: 30_000,
    });
    const docs = (await (
      await apiFetch(`/api/v1/t/${setup.tenant}/applications/${setup.applicationId}/documents`, { cookie })
    ).json()) as { items: { id: string; requirement: string | null }[] };
    const doc = docs.items.find((d) => d.requirement === "formulir_b")!;
    const thumb = await fetch(`${baseUrl()}/api/v1/t/${setup.tenant}/documents/${doc.id}/thumbnail`, {
      method: "PUT",
      headers: { origin: baseUrl(), cookie, "content-type": "image/jpeg" },
      body: new Uint8Array(photo(160, 120)),
    });
    expect(thumb.status).toBeLessThan(300);
  });

  async function openApplication(page: Page) {
    await page.goto(`/t/${setup.tenant}/permohonan/${setup.applicationId}`);
    await page.getByTestId("doc-formulir_b").getByTestId("doc-file").waitFor();
    await page.waitForLoadState("networkidle");
  }

  test("with Save-Data, no image until asked; then that one; the meter counts", async () => {
    const { page, context, pageErrors, cspViolations } = await open(browser, { width: 360, height: 740 });
    // The browser's data-saver setting, as Chromium reports it to pages.
    await context.addInitScript(() => {
      const connection = Object.assign(new EventTarget(), {
        saveData: true,
        effectiveType: "4g",
        downlink: 10,
        rtt: 50,
      });
      Object.defineProperty(Navigator.prototype, "connection", { get: () => connection, configurable: true });
    });
    const images: string[] = [];
    page.on("request", (request) => {
      if (request.resourceType() === "image" || new URL(request.url()).pathname.endsWith("/thumbnail"))
        images.push(new URL(request.url()).pathname);
    });
    await login(page, setup.email, setup.password);
    await openApplication(page);
    const item = page.getByTestId("doc-formulir_b");
    await item.scrollIntoViewIfNeeded();
    await page.waitForTimeout(500);
    expect(images.filter((path) => path.includes("/documents/"))).toEqual([]);
    expect(await item.getByTestId("doc-thumb").count()).toBe(0);
    const show = item.getByRole("button", { name: /^Tampilkan gambar \(≤ 64 KB\)$/ });
    await show.waitFor();

    // The download link says its size before anything is fetched.
    expect(await item.getByTestId("doc-download").innerText()).toMatch(/^Unduh \(\d+ KB\)/);

    // The footer: data saver on automatically, and the meter with a number.
    const saver = page.getByTestId("data-saver");
    await saver.scrollIntoViewIfNeeded();
    await saver.getByText("Aktif otomatis: browser meminta hemat data.").waitFor();
    expect(await page.getByTestId("saver-choice").inputValue()).toBe("auto");
    const meter = page.getByTestId("data-meter");
    expect(await meter.innerText()).toMatch(/^Sesi ini: \d+([.,]\d+)? (KB|MB)$/);
    expect(await overflowsHorizontally(page)).toBe(false);
    await shot(page, "mobile-data-saver-footer", false);

    await show.scrollIntoViewIfNeeded();
    await shot(page, "mobile-data-saver-ask", false);
    await show.click();
    const thumb = item.getByTestId("doc-thumb");
    await thumb.waitFor();
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('[data-testid="doc-formulir_b"] [data-testid="doc-thumb"]');
      return img?.complete && img.naturalWidth > 0;
    });
    expect(images.filter((path) => path.includes("/documents/"))).toHaveLength(1);
    expect(images.filter((path) => path.includes("/documents/"))[0]).toMatch(/\/thumbnail$/);
    await shot(page, "mobile-data-saver-shown", false);

    // The person turns it off on this device: remembered across a reload, images load at once.
    await page.getByTestId("saver-choice").selectOption("off");
    await openApplication(page);
    await item.getByTestId("doc-thumb").waitFor();
    await page.getByRole("button", { name: "Hemat data", exact: true }).waitFor();
    expect(pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
    await context.close();
  }, 120_000);

  test("without Save-Data, the thumbnail loads by itself and the meter is one press away", async () => {
    const { page, context } = await open(browser, { width: 360, height: 740 });
    await login(page, setup.email, setup.password);
    await openApplication(page);
    await page.getByTestId("doc-formulir_b").getByTestId("doc-thumb").waitFor();
    expect(await page.getByTestId("data-meter").count()).toBe(0);
    await page.getByRole("button", { name: "Hemat data", exact: true }).click();
    await page.getByTestId("data-meter").waitFor();
    expect(await page.getByTestId("data-meter").innerText()).toMatch(/^Sesi ini: \d/);
    await context.close();
  }, 60_000);
});
