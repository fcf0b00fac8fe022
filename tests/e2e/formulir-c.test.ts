/**
 * Formulir C (issue 12), the document scoring sheet the asesor fills: a printable page with the
 * LKS's own levels and evidence per indicator and empty columns for the asesor, and the same sheet
 * as a PDF. Read by the LKS's operator here; the verifier and BALKS read it through the same route.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { registerLksWithApplication, type LksWithApplication } from "../../bench/photo.ts";
import {
  apiFetch,
  apiSignIn,
  baseUrl,
  launch,
  login,
  open,
  overflowsHorizontally,
  shot,
  uploadRequiredDocuments,
} from "./helpers.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe("Formulir C", () => {
  let setup: LksWithApplication;
  beforeAll(async () => {
    setup = await registerLksWithApplication(baseUrl(), "Panti Asuhan Uji Formulir C");
    // Documents and a complete self-assessment (every indicator at its top level, evidence linked).
    await uploadRequiredDocuments(setup, setup.tenant, setup.applicationId);
  });

  test("a printable sheet with the LKS's levels and evidence, empty asesor columns, and its PDF", async () => {
    for (const viewport of [
      { width: 360, height: 740 },
      { width: 1280, height: 900 },
    ]) {
      const { page, context, pageErrors, cspViolations } = await open(browser, viewport);
      await login(page, setup.email, setup.password);
      await page.goto(`/t/${setup.tenant}/permohonan/${setup.applicationId}/formulir-c`);
      await page.getByRole("heading", { level: 1, name: /Formulir C/ }).waitFor();
      expect(await page.getByTestId("fc-lks").innerText()).toBe(setup.name);
      const row = page.getByTestId("fc-row-1.1.1");
      const cells = await row.locator("td").allInnerTexts();
      expect(cells[0]).toBe("1.1.1");
      expect(Number(cells[3])).toBeGreaterThan(0); // the LKS's own level
      expect(cells[4]).toMatch(/\.pdf/); // its evidence, linked from the checklist
      expect(cells.slice(5)).toEqual(["", ""]); // for the asesor
      expect(await page.locator("section.standard").count()).toBe(6);
      expect(await overflowsHorizontally(page)).toBe(false);
      await shot(page, viewport.width === 360 ? "mobile-formulir-c" : "formulir-c", false);

      // The PDF link answers a PDF for this session.
      const href = await page.getByTestId("fc-pdf").getAttribute("href");
      const pdf = await page.evaluate(async (url) => {
        const res = await fetch(url!, { credentials: "same-origin" });
        const bytes = new Uint8Array(await res.arrayBuffer());
        return {
          status: res.status,
          type: res.headers.get("content-type"),
          head: String.fromCharCode(...bytes.slice(0, 5)),
        };
      }, href);
      expect(pdf).toEqual({ status: 200, type: "application/pdf", head: "%PDF-" });
      expect(pageErrors).toEqual([]);
      expect(cspViolations).toEqual([]);
      await context.close();
    }
  });

  test("another LKS's operator finds no sheet (404 through the API, 'not found' on the page)", async () => {
    const other = await registerLksWithApplication(baseUrl(), "Panti Asuhan Uji Lain");
    const { cookie } = await apiSignIn(other.email, other.password);
    const res = await apiFetch(
      `/api/v1/t/${setup.tenant}/applications/${setup.applicationId}/self-assessment/formulir-c`,
      { cookie },
    );
    expect(res.status).toBe(404);
    const { page, context } = await open(browser, { width: 360, height: 740 });
    await login(page, other.email, other.password);
    await page.goto(`/t/${setup.tenant}/permohonan/${setup.applicationId}/formulir-c`);
    await page.getByRole("alert").filter({ hasText: "tidak ditemukan" }).waitFor();
    await context.close();
  });
});
