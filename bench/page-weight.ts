/**
 * What a first visit costs on the wire: loads a page in a fresh Chromium profile (no cache, no
 * service worker yet) and sums the gzip size of every JS, CSS and HTML response it fetched.
 * wrangler dev serves assets uncompressed, so each body is gzipped here (level 9, as a CDN would).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Browser, Page } from "playwright-core";

export interface PageWeight {
  page: string;
  js: number;
  css: number;
  html: number;
  files: number;
  /** Each JS and CSS file fetched: its path and gzip size. */
  parts: { path: string; gzip: number }[];
}

interface ManifestChunk {
  file: string;
  name?: string;
  src?: string;
  css?: string[];
}

/**
 * What each built file is, from SvelteKit's client manifest (Vite's): the source of a route node or
 * module, or the name of a chunk group (vite.config.ts: "runtime", "i18n-home", …). Hashed names
 * alone say nothing about why a page loads a file.
 */
export function builtFileNames(webDir: string): Map<string, string> {
  const names = new Map<string, string>();
  let manifest: Record<string, ManifestChunk>;
  try {
    const path = join(webDir, ".svelte-kit/output/client/.vite/manifest.json");
    manifest = JSON.parse(readFileSync(path, "utf8")) as Record<string, ManifestChunk>;
  } catch {
    return names;
  }
  // A route node re-exports its route files (layout, page, their load functions).
  const routesOf = (node: string) => {
    try {
      const code = readFileSync(join(webDir, node), "utf8");
      return [...code.matchAll(/src\/routes\/([^"']+)/g)].map((match) => match[1]).join(" + ");
    } catch {
      return node;
    }
  };
  const label = (key: string, chunk: ManifestChunk) => {
    const source = chunk.src ?? key;
    if (source.includes("client-optimized/nodes/")) return `route ${routesOf(source)}`;
    if (source.includes("client-optimized/app.js")) return "SvelteKit route map (entry/app)";
    if (source.includes("@sveltejs/kit/src/runtime/client/entry.js")) return "SvelteKit entry (start)";
    if (source.startsWith("_")) return chunk.name ? `chunk "${chunk.name}"` : source;
    return source.replace(/^src\//, "");
  };
  for (const [key, chunk] of Object.entries(manifest)) {
    names.set(`/${chunk.file}`, label(key, chunk));
    for (const css of chunk.css ?? []) if (!names.has(`/${css}`)) names.set(`/${css}`, `CSS of ${label(key, chunk)}`);
  }
  return names;
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
  const weight: PageWeight = { page: label, js: 0, css: 0, html: 0, files: 0, parts: [] };
  const pending: Promise<void>[] = [];
  page.on("response", (response) => {
    const type = response.request().resourceType();
    const kind = type === "script" ? "js" : type === "stylesheet" ? "css" : type === "document" ? "html" : null;
    if (!kind || response.url().includes("/api/")) return;
    pending.push(
      response.body().then((body) => {
        const gzip = gzipSync(body, { level: 9 }).length;
        weight[kind] += gzip;
        weight.files++;
        if (kind !== "html") weight.parts.push({ path: new URL(response.url()).pathname, gzip });
      }),
    );
  });
  await page.goto(url, { waitUntil: "networkidle" });
  await Promise.all(pending);
  await context.close();
  return weight;
}
