/**
 * The checklist is a requirement (issue 10): an LKS cannot hand its application over while a
 * required document is missing. The operator sees exactly which ones before trying, the API refuses
 * a submission that goes around the page (naming the document), and the last upload lets it through.
 *
 * The LKS is a fresh one (see bench/photo.ts): the demo LKS's applications belong to other files.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { registerLksWithApplication } from "../../bench/photo.ts";
import { makePdf, sha256Hex, tusUpload } from "../support/tus-node-client.ts";
import {
  apiFetch,
  baseUrl,
  completeSelfAssessment,
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

/** The one required document left for the operator to upload from the page. */
const LAST = "daftar_klien";

describe("a submission waits for the last required document", () => {
  test("the operator sees what is missing, the API refuses to skip it, and the last upload lets the application through", {
    timeout: 120_000,
  }, async () => {
    const setup = await registerLksWithApplication(baseUrl(), "Panti Asuhan Uji Kelengkapan");
    const api = `/api/v1/t/${setup.tenant}/applications/${setup.applicationId}`;
    const signedIn = await apiFetch("/api/v1/auth/login", {
      method: "POST",
      body: { email: setup.email, password: setup.password },
    });
    const { token } = (await signedIn.clone().json()) as { token: string };
    const cookie = signedIn.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    type Item = { key: string; name: string; required: boolean; status: string };
    const read = async () => (await (await apiFetch(api, { cookie })).json()) as { version: number; checklist: Item[] };

    // Every required document but one arrives (through the API, as a phone's tus client would).
    const { checklist } = await read();
    const required = checklist.filter((item) => item.required);
    expect(required.length).toBeGreaterThan(10);
    const last = required.find((item) => item.key === LAST)!;
    for (const item of required.filter((i) => i.key !== LAST)) {
      const file = makePdf(4000);
      await tusUpload({
        endpoint: `${baseUrl()}/api/v1/t/${setup.tenant}/uploads`,
        token,
        file,
        metadata: {
          filename: `${item.key}.pdf`,
          filetype: "application/pdf",
          sha256: sha256Hex(file),
          applicationId: setup.applicationId,
          requirement: item.key,
        },
        chunkSize: 256 * 1024,
        timeoutMs: 30_000,
      });
    }

    // The self-assessment is complete (its page is self-assessment.test.ts's subject): only the document is missing.
    await completeSelfAssessment(cookie, setup.tenant, setup.applicationId);

    // On the phone the page names exactly the missing one, and "Ajukan" waits for it.
    const phone = await open(browser, { width: 360, height: 740 });
    await login(phone.page, setup.email, setup.password);
    // Through a link of the old form (`?t=`, in emails sent before the tenant moved into the path):
    // redirected to the page's path now, the rest of the query kept.
    await phone.page.goto(`/permohonan/${setup.applicationId}?t=${setup.tenant}&dari=email`);
    await phone.page.waitForURL(
      (url) => url.pathname === `/t/${setup.tenant}/permohonan/${setup.applicationId}` && url.search === "?dari=email",
    );
    const missing = phone.page.getByTestId("appl-missing");
    await missing.waitFor();
    expect(await missing.locator("li").allInnerTexts()).toEqual([last.name]);
    const submit = phone.page.getByTestId("appl-actions").getByRole("button", { name: "Ajukan", exact: true });
    expect(await submit.isDisabled()).toBe(true);
    expect(await overflowsHorizontally(phone.page)).toBe(false);
    await shot(phone.page, "mobile-application-missing-documents");

    // Going around the page does not help: the API refuses and names the document.
    const { version } = await read();
    const refused = await apiFetch(`${api}/transitions`, {
      method: "POST",
      cookie,
      body: { action: "submit", expectedVersion: version },
    });
    expect(refused.status).toBe(409);
    const problem = (await refused.json()) as { errors: { path: string; message: string }[] };
    expect(problem.errors.map((e) => e.path)).toEqual([`checklist.${LAST}`]);
    expect(problem.errors[0]!.message).toContain(last.name);
    expect((await read()).version, "a refused submission changes nothing").toBe(version);

    // The operator uploads the last one from the phone: the list goes, "Ajukan" goes through.
    await phone.page
      .locator(`#upload-${LAST}`)
      .setInputFiles({ name: "daftar-penerima-layanan.pdf", mimeType: "application/pdf", buffer: makePdf(5000) });
    await phone.page
      .getByTestId(`doc-${LAST}`)
      .getByTestId("doc-status")
      .filter({ hasText: "Sudah diunggah" })
      .waitFor();
    await missing.waitFor({ state: "detached" });
    await submit.click();
    await phone.page.getByRole("dialog").getByTestId("action-confirm").click();
    await phone.page.getByTestId("appl-step").filter({ hasText: "Verifikasi Dinsos kabupaten/kota" }).waitFor();
    expect(phone.cspViolations).toEqual([]);
    expect(phone.pageErrors).toEqual([]);
    await phone.context.close();
  });
});
