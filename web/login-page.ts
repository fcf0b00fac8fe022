/**
 * The sign-in page, built beside the SvelteKit app: build/login.html (Workers static assets serve it
 * for /login) is small HTML rendered from src/login/page.ts in Bahasa Indonesia, the app's shared
 * stylesheet (the root layout's, which every page of the app loads too), the page's own few rules and
 * one small script (src/login/main.ts). A first visit asks for the HTML, then for those three files at
 * once: two round trips, about 8 KB gzip, instead of the 55 KB and six round trips of a SvelteKit page
 * (its client runtime alone is 37 KB).
 *
 * The two files are written under /_app/immutable/login/ with their content's hash in the name (so the
 * immutable caching rule in _headers holds); the service worker's first precache (first-precache.ts)
 * finds them in build/login.html and keeps the page on the device for a repeat visit.
 */
import { createHash } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build, runnerImport, type Plugin } from "vite";

const WEB = fileURLToPath(new URL(".", import.meta.url));
const BUILD = join(WEB, "build");
const MAIN = join(WEB, "src/login/main.ts");
const PAGE = join(WEB, "src/login/page.ts");
const CSS = join(WEB, "src/login/login.css");
const CLIENT_MANIFEST = join(WEB, ".svelte-kit/output/client/.vite/manifest.json");
const OUT = "_app/immutable/login";

const hashOf = (text: string) => createHash("sha256").update(text).digest("base64url").slice(0, 10);

/** Comments and layout whitespace out of a hand-written stylesheet (no strings or urls in it). */
const minifyCss = (css: string) =>
  css
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\s+/g, " ")
    .replace(/\s*([{};:,>])\s*/g, "$1")
    .replace(/;}/g, "}")
    .trim();

interface Chunk {
  file: string;
  imports?: string[];
  css?: string[];
}

/** The stylesheets of the root layout's node (app.css and its own rules): every page of the app loads them. */
async function sharedCss(): Promise<string[]> {
  const manifest = JSON.parse(await readFile(CLIENT_MANIFEST, "utf8")) as Record<string, Chunk>;
  const key = Object.keys(manifest).find((k) => /client-optimized[\\/]nodes[\\/]0\.js$/.test(k));
  const css = new Set<string>();
  const visit = (name: string) => {
    const chunk = manifest[name];
    for (const sheet of chunk?.css ?? []) css.add(`/${sheet}`);
    for (const imported of chunk?.imports ?? []) visit(imported);
  };
  if (!key) throw new Error("login-page: no root layout node in the client manifest");
  visit(key);
  if (css.size === 0) throw new Error("login-page: the root layout has no stylesheet");
  return [...css];
}

/** The page's script, bundled and minified on its own (nothing shared with the app's chunks). */
async function bundleScript(): Promise<string> {
  const output = await build({
    configFile: false,
    root: WEB,
    logLevel: "warn",
    build: {
      write: false,
      minify: true,
      modulePreload: false,
      target: "es2022",
      rolldownOptions: { input: MAIN, output: { format: "es", codeSplitting: false } },
    },
  });
  const result = Array.isArray(output) ? output[0] : output;
  const chunks = result && "output" in result ? result.output.filter((item) => item.type === "chunk") : [];
  if (chunks.length !== 1 || !chunks[0]) throw new Error(`login-page: expected one script chunk, got ${chunks.length}`);
  return chunks[0].code;
}

/** The whole document: the shell's head (icons, manifest, theme) and the page rendered in Bahasa Indonesia. */
async function renderPage(links: { css: string[]; js: string }, version: string): Promise<string> {
  // Typed here, not imported: page.ts reaches Paraglide's JavaScript output, outside this config's type-check.
  const { module } = await runnerImport<{ loginTitle(locale: "id"): string; loginBody(locale: "id"): string }>(PAGE, {
    root: WEB,
    logLevel: "warn",
  });
  const esc = (text: string) => text.replaceAll("&", "&amp;").replaceAll("<", "&lt;");
  return `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<meta name="theme-color" content="#0d5c4e">
<meta name="description" content="Akrab — akreditasi Lembaga Kesejahteraan Sosial">
<meta name="akrab-build" content="${version}">
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="manifest" href="/manifest.webmanifest">
<link rel="apple-touch-icon" href="/icons/icon-192.png">
<title>${esc(module.loginTitle("id"))}</title>
${links.css.map((href) => `<link rel="stylesheet" href="${href}">`).join("\n")}
<script type="module" src="${links.js}"></script>
</head>
<body>
${module.loginBody("id")}
</body>
</html>
`;
}

/** After the adapter wrote build/ (and before the first precache, which lists the page's files). */
export function loginPagePlugin(): Plugin {
  return {
    name: "akrab-login-page",
    apply: "build",
    buildApp: {
      order: "post",
      async handler() {
        const shell = await readFile(join(BUILD, "index.html"), "utf8");
        const version = /\bversion: "([^"]+)"/.exec(shell)?.[1];
        if (!version) throw new Error("login-page: no build version in build/index.html");
        const script = await bundleScript();
        const css = minifyCss(await readFile(CSS, "utf8"));
        const js = `/${OUT}/login.${hashOf(script)}.js`;
        const ownCss = `/${OUT}/login.${hashOf(css)}.css`;
        await mkdir(join(BUILD, OUT), { recursive: true });
        await writeFile(join(BUILD, js), script);
        await writeFile(join(BUILD, ownCss), css);
        await writeFile(
          join(BUILD, "login.html"),
          await renderPage({ css: [...(await sharedCss()), ownCss], js }, version),
        );
      },
    },
  };
}
