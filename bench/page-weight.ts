/**
 * What a first visit costs on the wire: loads a page in a fresh Chromium profile (no cache, no
 * service worker yet) and sums the gzip size of every JS, CSS and HTML response it fetched.
 * wrangler dev serves assets uncompressed, so each body is gzipped here (level 9, as a CDN would).
 */
import { gzipSync } from "node:zlib";
import type { Browser, Page } from "playwright-core";

export interface PageWeight {
  page: string;
  js: number;
  css: number;
  html: number;
  files: number;
}

export async function measurePage(
  browser: Browser,
  url: string,
  label: string,
  prepare?: (page: Page) => Promise<void>,
): Promise<PageWeight> {
  const context = await browser.newContext({ serviceWorkers: "block", viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  if (prepare) await prepare(page);
  const weight: PageWeight = { page: label, js: 0, css: 0, html: 0, files: 0 };
  const pending: Promise<void>[] = [];
  page.on("response", (response) => {
    const type = response.request().resourceType();
    const kind = type === "script" ? "js" : type === "stylesheet" ? "css" : type === "document" ? "html" : null;
    if (!kind || response.url().includes("/api/")) return;
    pending.push(
      response.body().then((body) => {
        weight[kind] += gzipSync(body, { level: 9 }).length;
        weight.files++;
      }),
    );
  });
  await page.goto(url, { waitUntil: "networkidle" });
  await Promise.all(pending);
  await context.close();
  return weight;
}
