import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import adapter from "@sveltejs/adapter-static";
import { sveltekit, type Config } from "@sveltejs/kit/vite";
import { paraglideVitePlugin } from "@inlang/paraglide-js";
import { defineConfig, type Plugin } from "vite";

type CspDirectives = NonNullable<NonNullable<Config["csp"]>["directives"]>;

/** Message keys only the signed-in pages and the long public forms use (see `codeSplitting`). */
const APP_MESSAGE_PREFIXES = [
  "admin", "appl", "audit", "field", "home", "legal", "lksd", "lksf", "lksnew", "lksreg", "ppks",
  "notif", "region_kind", "registry", "signup", "tp", "type", "users", "verify_email", "wf",
].join("|");
const SEP = String.raw`[\\/]`;
const APP_MESSAGES = new RegExp(`${SEP}src${SEP}lib${SEP}paraglide${SEP}messages${SEP}(${APP_MESSAGE_PREFIXES})_`);
/** The Paraglide runtime and every other message. */
const CORE_I18N = new RegExp(`${SEP}src${SEP}lib${SEP}paraglide${SEP}(?!messages${SEP}(${APP_MESSAGE_PREFIXES})_)`);

const srcDir = fileURLToPath(new URL("./src/", import.meta.url));
/**
 * What the signed-in home (`/`) renders: the (app) layout with its header, and the home page with
 * every role's home component (those are loaded lazily, but they are the page's content).
 */
const HOME_ENTRIES = ["routes/+layout.svelte", "routes/(app)/+layout.svelte", "routes/(app)/+layout.ts", "routes/(app)/+page.svelte"];

/**
 * The message keys the source files reachable from `HOME_ENTRIES` use (`m.key`), following the
 * static and dynamic imports of `#lib/…` and relative paths textually. Those of the app's prefixes form
 * their own chunk ("i18n-home"), so the home's first load does not carry every signed-in page's texts.
 */
function homeMessageKeys(): Set<string> {
  const keys = new Set<string>();
  const seen = new Set<string>();
  const queue = HOME_ENTRIES.map((entry) => join(srcDir, entry));
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    let code: string;
    try {
      code = readFileSync(file, "utf8");
    } catch {
      continue; // generated or missing (e.g. paraglide output before its first compile)
    }
    for (const match of code.matchAll(/\bm\.([A-Za-z0-9_]+)\b/g)) keys.add(match[1]!);
    for (const match of code.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)["']([^"']+)["']/g)) {
      const spec = match[1]!;
      if (spec.includes("paraglide")) continue;
      if (spec.startsWith("#lib/")) queue.push(join(srcDir, "lib", spec.slice(5)));
      else if (spec.startsWith(".")) queue.push(join(dirname(file), spec));
    }
  }
  return keys;
}
const HOME_KEYS = [...homeMessageKeys()].filter((key) => new RegExp(`^(${APP_MESSAGE_PREFIXES})_`).test(key));
const HOME_MESSAGES = new RegExp(`${SEP}src${SEP}lib${SEP}paraglide${SEP}messages${SEP}(${HOME_KEYS.join("|") || "(?!)"})\\.js$`);

const buildDir = fileURLToPath(new URL("./build", import.meta.url));

/**
 * The policy for the app shell. SvelteKit adds the sha256 of its inline bootstrap
 * script (mode "hash") and writes it into the fallback page as a <meta> CSP.
 * `frame-ancestors` cannot live in a <meta> policy, so `cspHeaderPlugin` below copies
 * the final policy (with the hash) into build/_headers, which Workers static assets
 * send as a real response header.
 */
/**
 * SvelteKit's root component renders its route announcer (an aria-live region) with a
 * static `style="…"` attribute. Rather than allowing every inline style, allow exactly
 * that attribute value by its hash (CSP3 `'unsafe-hashes'`, limited to style attributes).
 * The hash is taken from the installed SvelteKit, so an upgrade cannot silently break it.
 */
function announcerStyleHash(): `sha256-${string}` {
  const kitDir = dirname(createRequire(import.meta.url).resolve("@sveltejs/kit/package.json"));
  const root = readFileSync(join(kitDir, "src/runtime/components/root.svelte"), "utf8");
  const style = /id="svelte-announcer"[^>]*?\sstyle="([^"]+)"/.exec(root)?.[1];
  if (!style) throw new Error("vite.config: SvelteKit's announcer style attribute not found; update announcerStyleHash()");
  return `sha256-${createHash("sha256").update(style).digest("base64")}`;
}

const cspDirectives: CspDirectives = {
  "default-src": ["self"],
  "script-src": ["self"],
  "style-src": ["self"],
  "style-src-attr": ["unsafe-hashes", announcerStyleHash()],
  "img-src": ["self", "data:"],
  "font-src": ["self"],
  "connect-src": ["self"],
  "manifest-src": ["self"],
  "worker-src": ["self"],
  "object-src": ["none"],
  "base-uri": ["self"],
  "form-action": ["self"],
  "frame-ancestors": ["none"],
};

/**
 * Runs after SvelteKit's adapter (both are `buildApp` hooks with order "post";
 * this plugin is listed after `sveltekit()`, so it runs last). It reads the CSP that
 * SvelteKit computed for build/index.html and substitutes it for the
 * `__CSP_FROM_BUILD__` placeholder in build/_headers (copied from static/_headers).
 */
function cspHeaderPlugin(): Plugin {
  return {
    name: "akrab-csp-header",
    apply: "build",
    buildApp: {
      order: "post",
      async handler() {
        const html = await readFile(`${buildDir}/index.html`, "utf8");
        const meta = /<meta http-equiv="content-security-policy" content="([^"]+)">/.exec(html);
        if (!meta?.[1]) throw new Error("akrab-csp-header: no CSP <meta> in build/index.html");
        const fromMeta = meta[1].replaceAll("&#39;", "'").replaceAll("&quot;", '"').replaceAll("&amp;", "&");
        const policy = `${fromMeta}; frame-ancestors 'none'`;
        const headersPath = `${buildDir}/_headers`;
        const headers = await readFile(headersPath, "utf8");
        if (!headers.includes("__CSP_FROM_BUILD__")) {
          throw new Error("akrab-csp-header: placeholder __CSP_FROM_BUILD__ missing in _headers");
        }
        await writeFile(headersPath, headers.replace("__CSP_FROM_BUILD__", policy));
      },
    },
  };
}

export default defineConfig({
  plugins: [
    paraglideVitePlugin({
      project: "./project.inlang",
      outdir: "./src/lib/paraglide",
      // Indonesian unless the user picked English on this device; no cookie needed
      // because there is no server rendering.
      strategy: ["localStorage", "baseLocale"],
      localStorageKey: "akrab.locale",
      emitTsDeclarations: false,
    }),
    sveltekit({
      adapter: adapter({ fallback: "index.html" }),
      csp: { mode: "hash", directives: cspDirectives },
      // Deterministic per build input would be nicer, but the timestamp default is
      // what invalidates the service worker cache on each deploy.
      version: { name: process.env.AKRAB_VERSION ?? Date.now().toString(36) },
    }),
    cspHeaderPlugin(),
  ],
  build: {
    // Lean output for 2G/3G; no source maps shipped to users.
    sourcemap: false,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Paraglide emits one module per message; left alone, every few messages
          // shared between routes become a 100-byte chunk of their own. One i18n chunk
          // costs a few KB more on the first visit but saves a dozen requests (and
          // round trips on a 2G link); afterwards the service worker serves it anyway.
          //
          // Messages of the signed-in and sign-up pages (prefixes below) form a second chunk,
          // so /login's first load carries only the shell's and the login page's texts.
          // The core group goes first so the runtime (a dependency of every message) stays in it.
          // The app's messages the signed-in home needs (see `homeMessageKeys`) go into a third one, so
          // the home does not load the texts of every other page either.
          groups: [
            { name: "i18n", test: CORE_I18N, priority: 3 },
            { name: "i18n-home", test: HOME_MESSAGES, priority: 2 },
            { name: "i18n-app", test: APP_MESSAGES, priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    // `npm run dev -w web` talks to `wrangler dev` for /api.
    proxy: { "/api": { target: process.env.AKRAB_API ?? "http://127.0.0.1:8787", changeOrigin: false } },
  },
});
