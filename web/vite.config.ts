import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import adapter from "@sveltejs/adapter-static";
import { sveltekit, type Config } from "@sveltejs/kit/vite";
import { paraglideVitePlugin } from "@inlang/paraglide-js";
import { defineConfig, type Plugin, type ResolveModulePreloadDependenciesFn } from "vite";
import { clientDietPlugin } from "./client-diet.ts";
import { firstPrecachePlugin } from "./first-precache.ts";
import { loginPagePlugin } from "./login-page.ts";
import { routePreloadsPlugin } from "./route-preloads.ts";

type CspDirectives = NonNullable<NonNullable<Config["csp"]>["directives"]>;

/** Message keys only the signed-in pages and the long public forms use (see `codeSplitting`). */
const APP_MESSAGE_PREFIXES = [
  "admin",
  "appl",
  "audit",
  "field",
  "home",
  "intro",
  "kept",
  "later",
  "legal",
  "level",
  "lks",
  "lksd",
  "lksf",
  "lksnew",
  "lksreg",
  "members",
  "next",
  "notif",
  "platform",
  "ppks",
  "region_kind",
  "registry",
  "service_mode",
  "signup",
  "tp",
  "type",
  "users",
  "verify_email",
  "wf",
].join("|");
const APP_KEY = new RegExp(`^(${APP_MESSAGE_PREFIXES})_`);
const SEP = String.raw`[\\/]`;
const MESSAGES_DIR = `${SEP}src${SEP}lib${SEP}paraglide${SEP}messages${SEP}`;
const APP_MESSAGES = new RegExp(`${MESSAGES_DIR}(${APP_MESSAGE_PREFIXES})_`);
/** The message modules of `keys`. */
const messageFiles = (keys: Iterable<string>) => new RegExp(`${MESSAGES_DIR}(${[...keys].join("|") || "(?!)"})\\.js$`);

const srcDir = fileURLToPath(new URL("./src/", import.meta.url));

/**
 * The message keys (`m.key`) the source files reachable from `entries` (relative to src/) use,
 * following the imports of `#lib/…` and relative paths textually (type-only imports aside);
 * dynamic `import()`s too when `lazy`, so what a page loads later counts as well.
 */
function messageKeys(entries: string[], lazy: boolean): Set<string> {
  const keys = new Set<string>();
  const seen = new Set<string>();
  const queue = entries.map((entry) => join(srcDir, entry));
  const imports = lazy
    ? /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)["']([^"']+)["']/g
    : /(?:\bfrom\s*|\bimport\s+)["']([^"']+)["']/g;
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
    const runtime = code.replace(/\b(?:import|export)\s+type\b[^;]*?\bfrom\s*["'][^"']+["']/g, "");
    for (const match of runtime.matchAll(imports)) {
      const spec = match[1]!;
      if (spec.includes("paraglide")) continue;
      if (spec.startsWith("#lib/")) queue.push(join(srcDir, "lib", spec.slice(5)));
      else if (spec.startsWith(".")) queue.push(join(dirname(file), spec));
    }
  }
  return keys;
}

/** Route components (`+page.svelte`, `+layout.svelte`) under `dir` (relative to src/). */
const routeFiles = (dir: string) =>
  readdirSync(join(srcDir, dir), { recursive: true, encoding: "utf8" })
    .filter((file) => /(^|[\\/])\+(page|layout)\.svelte$/.test(file))
    .map((file) => join(dir, file));

/** What every signed-in page loads around it: the root and signed-in layouts, and the error page. */
const SIGNED_IN_SHELL = [
  "routes/+layout.svelte",
  "routes/+error.svelte",
  "routes/(app)/+layout.svelte",
  "routes/(app)/+layout.ts",
];
/**
 * The signed-in home (`/`) with every role's home component (loaded lazily, but they are the page's
 * content); of the shell only what it shows at once (its lazily loaded parts, such as the offline
 * banner, the data-saver panel or the install notices, are not in every first load of the home).
 */
const HOME_KEYS = new Set([
  ...messageKeys(SIGNED_IN_SHELL, false),
  ...messageKeys(["routes/(app)/+page.svelte"], true),
]);
/** The application page (`/t/{tenant}/permohonan/{id}`): what it shows at once, and with its lazily loaded parts (dialog, timeline, upload queue). */
const APPLICATION_PAGE = "routes/(app)/t/[tenant]/permohonan/[id]/+page.svelte";
const APPLICATION_KEYS = messageKeys([...SIGNED_IN_SHELL, APPLICATION_PAGE], false);
const APPLICATION_LATER_KEYS = messageKeys([APPLICATION_PAGE], true);
/**
 * Of the application page's texts, those of a document's upload control: the self-assessment page shows
 * it too (evidence per indicator), and loads these without the rest of the application page's.
 */
const DOCUMENT_KEYS = messageKeys(["lib/components/DocumentUpload.svelte"], false);
/** Texts only the sign-in, password reset and invitation pages show (no signed-in page above needs them). */
const AUTH_ONLY_KEYS = [...messageKeys(routeFiles("routes/(auth)"), true)].filter(
  (key) => !APP_KEY.test(key) && !HOME_KEYS.has(key) && !APPLICATION_KEYS.has(key) && !APPLICATION_LATER_KEYS.has(key),
);
/** Texts of the pages one sees signed out (and of the root layout and error page, around every page). */
const PUBLIC_KEYS = messageKeys(
  ["routes/+layout.svelte", "routes/+error.svelte", ...routeFiles("routes/(auth)"), ...routeFiles("routes/(public)")],
  true,
);
/**
 * Texts without one of the prefixes above that only signed-in pages use (the header, the role names,
 * the invitation form, the outbox…): grouped like the prefixed ones, so signed-out pages do not load them.
 */
const SIGNED_IN_ONLY_KEYS = new Set(
  [...messageKeys([...SIGNED_IN_SHELL, ...routeFiles("routes/(app)")], true)].filter(
    (key) => !APP_KEY.test(key) && !PUBLIC_KEYS.has(key),
  ),
);
const appKeys = (keys: Iterable<string>) => [...keys].filter((key) => APP_KEY.test(key));
/** Texts the signed-in shell shows at once, on every signed-in page (the header, the data-saver switch). */
const SHELL_KEYS = messageKeys(SIGNED_IN_SHELL, false);
/**
 * Texts without a prefix above that only the public pages under (public) show (the statistics page's
 * figures, the sign-up forms): not the root layout's, the error page's or a signed-in page's, so they
 * leave the core group every page loads (every signed-in home carried the statistics page's texts).
 */
const ROOT_AND_AUTH_KEYS = messageKeys(
  ["routes/+layout.svelte", "routes/+error.svelte", ...routeFiles("routes/(auth)")],
  true,
);
const PUBLIC_ONLY_KEYS = [...messageKeys(routeFiles("routes/(public)"), true)].filter(
  (key) => !APP_KEY.test(key) && !ROOT_AND_AUTH_KEYS.has(key) && !HOME_KEYS.has(key),
);

/** The Paraglide runtime and every other message. */
const CORE_I18N = new RegExp(
  `${SEP}src${SEP}lib${SEP}paraglide${SEP}(?!messages${SEP}((${APP_MESSAGE_PREFIXES})_|(${[...AUTH_ONLY_KEYS, ...PUBLIC_ONLY_KEYS, ...SIGNED_IN_ONLY_KEYS].join("|") || "(?!)"})\\.js$))`,
);

const SIGNED_IN_ONLY_MESSAGES = messageFiles(SIGNED_IN_ONLY_KEYS);

/** The client runtime of Svelte and SvelteKit (see the "runtime" group below). */
const RUNTIME = new RegExp(
  `node_modules${SEP}(svelte${SEP}src${SEP}(internal|index-client|version|constants|escaping|utils|html-tree-validation)|@sveltejs${SEP}kit${SEP}src${SEP}(runtime|utils|messages)|devalue|esm-env)|vite${SEP}preload-helper|rolldown${SEP}runtime`,
);

const RUNTIME_ENTRIES = new RegExp(`${SEP}runtime${SEP}client${SEP}(entry|client-entry|payload)\\.js$`);
/**
 * What SvelteKit's start.js imports before `init()` hands the page its payload (base, version): the
 * payload holder and Vite's preload helper. They get a chunk of their own: inside the runtime chunk,
 * start.js's import would evaluate `$app/env`'s `version = payload.version` before `init()`, so every
 * page that ends with status ≥ 400 would find "a new version" (undefined ≠ the deployed one) and
 * reload itself, endlessly (tests/e2e/offline-reads.test.ts opens a missing application).
 */
const BOOT = new RegExp(`${SEP}runtime${SEP}client${SEP}payload\\.js$|vite${SEP}preload-helper`);

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
  if (!style)
    throw new Error("vite.config: SvelteKit's announcer style attribute not found; update announcerStyleHash()");
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

/**
 * Every page loads the route map in entry/app.js, and it lists, for each route, every chunk to
 * preload with it, including the runtime chunks SvelteKit's entries (start.js, app.js) have
 * already loaded before any route is imported. Those entries are dropped from the lists (a
 * preload of a loaded module does nothing): the map, and so every first load, is shorter by them.
 * `generateBundle` (before Vite's own, which resolves the preloads) notes what the entries load.
 */
function loadedPreloadsFilter(): { plugin: Plugin; resolveDependencies: ResolveModulePreloadDependenciesFn } {
  const loadedFirst = new Set<string>();
  /** The root layout's node: SvelteKit loads it with every route, its imports preloaded by its own list. */
  let rootLayout = "";
  return {
    plugin: {
      name: "akrab-loaded-preloads",
      apply: "build",
      enforce: "pre",
      generateBundle(_options, bundle) {
        loadedFirst.clear();
        const visit = (fileName: string) => {
          const chunk = bundle[fileName];
          if (loadedFirst.has(fileName) || chunk?.type !== "chunk") return;
          loadedFirst.add(fileName);
          for (const imported of chunk.imports) visit(imported);
        };
        for (const chunk of Object.values(bundle)) {
          if (chunk.type !== "chunk" || !chunk.isEntry) continue;
          // SvelteKit's client entry (start.js) and, imported at once by it, the client runtime; the
          // route map (app.js). Route nodes are entries too but load only when routed to.
          if (chunk.facadeModuleId?.endsWith("runtime/client/entry.js")) {
            visit(chunk.fileName);
            for (const runtime of chunk.dynamicImports) visit(runtime);
          } else if (/(^|\/)entry\//.test(chunk.fileName)) visit(chunk.fileName);
          else if (chunk.facadeModuleId?.endsWith("client-optimized/nodes/0.js")) rootLayout = chunk.fileName;
        }
        // What the root layout imports is preloaded with it, alongside every route's own node.
        if (rootLayout) visit(rootLayout);
      },
    },
    resolveDependencies: (fileName, deps, { hostType }) =>
      hostType === "js" && fileName !== rootLayout ? deps.filter((dep) => !loadedFirst.has(dep)) : deps,
  };
}
const loadedPreloads = loadedPreloadsFilter();

export default defineConfig({
  plugins: [
    clientDietPlugin(),
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
    // Before the first precache: it reads the shell's links.
    routePreloadsPlugin(),
    // The sign-in page (build/login.html and its two files), also before the first precache lists them.
    loginPagePlugin(),
    firstPrecachePlugin(),
    loadedPreloads.plugin,
  ],
  build: {
    modulePreload: { resolveDependencies: loadedPreloads.resolveDependencies },
    // Lean output for 2G/3G; no source maps shipped to users.
    sourcemap: false,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Paraglide emits one module per message; left alone, every few messages
          // shared between routes become a 100-byte chunk of their own. A few i18n chunks
          // cost a few KB more on the first visit but save a dozen requests (and round
          // trips on a 2G link); afterwards the service worker serves them anyway.
          //
          // The core group goes first so the runtime (a dependency of every message) stays in it;
          // it holds the texts of the root layout and the public pages (the sign-in page is not a SvelteKit
          // page: web/login-page.ts). The password reset and invitation pages' own texts follow, so
          // signed-in pages do not load them. Unprefixed texts only signed-in pages use
          // (`SIGNED_IN_ONLY_KEYS`) go with the header's when the header uses them, otherwise to the
          // per-page texts below, so the public pages do not load them.
          // The messages of the signed-in and sign-up pages (prefixes above) are split by what
          // the busiest pages show (see `messageKeys`): those both the home and the application
          // page need (the header, the labels), the rest of the home's, the application page's
          // at first paint, then those its lazily loaded parts add (one chunk per part, so a page
          // sharing one text with a part does not load the others); the rest, for every other
          // page, last, split by the set of pages that use each text (`entriesAware`: a page loads
          // its own texts and those it shares, not every other page's; subgroups under 4 KB are
          // merged into a neighbour, since each chunk also lengthens the preload map every page
          // loads in entry/app.js). A module goes to the first group (highest priority) that wants it.
          // Texts used by a single chunk stay out of the split groups (`minShareCount: 2`) and go
          // with their only user, which loads them anyway.
          groups: [
            // Svelte's and SvelteKit's client runtime, which every page loads at start, as one chunk
            // instead of seven: fewer requests for the shell (a browser opens six connections at a
            // time over HTTP/1.1) and 1.7 KB less gzip (one compression window, no import lists
            // between the pieces). SvelteKit's entries stay apart (its build looks for them).
            { name: "boot", test: BOOT, priority: 11 },
            { name: "runtime", test: (id: string) => RUNTIME.test(id) && !RUNTIME_ENTRIES.test(id), priority: 10 },
            { name: "i18n", test: CORE_I18N, priority: 7 },
            // Split by page too: the invitation page does not load the password reset's texts.
            {
              name: "i18n-auth",
              test: messageFiles(AUTH_ONLY_KEYS),
              priority: 6,
              minShareCount: 2,
              entriesAware: true,
              entriesAwareMergeThreshold: 4000,
            },
            // The public pages' own texts (PUBLIC_ONLY_KEYS) likewise, split by the pages that show them.
            {
              name: "i18n-public",
              test: messageFiles(PUBLIC_ONLY_KEYS),
              priority: 6,
              minShareCount: 2,
              entriesAware: true,
              entriesAwareMergeThreshold: 4000,
            },
            // What the shell shows on every signed-in page; the texts the role homes share with the
            // application page (application kinds and actions…) go with the home's below, split by
            // the homes that use them: an admin's or a BALKS home does not load the LKS's (1.3 KB).
            {
              name: "i18n-signed-in",
              test: messageFiles(
                [...appKeys(HOME_KEYS), ...SIGNED_IN_ONLY_KEYS].filter(
                  (key) => SHELL_KEYS.has(key) && APPLICATION_KEYS.has(key),
                ),
              ),
              priority: 5,
            },
            {
              name: "i18n-home",
              test: messageFiles(appKeys(HOME_KEYS)),
              priority: 4,
              // A text only one page or lazily loaded part uses (`minShareCount: 2`) is left out of every
              // group: it goes into that one chunk, instead of a shared one other pages load too.
              minShareCount: 2,
              // Split by the pages and role homes that use each text: a Dinsos home does not load the
              // LKS's, and a page that shows one home text (a role name) not all of them (alur-kerja
              // 79.1 → 75.6 KB, /permohonan 78.0 → 75.5 KB). Under 4 KB merged: more pieces would
              // lengthen entry/app.js, which every page loads (3 KB made the home heavier, 5 KB too).
              entriesAware: true,
              entriesAwareMergeThreshold: 4000,
            },
            // A document's upload control, which the self-assessment page shows too: without them, it
            // loaded all the application page's texts for a few (79.8 → 77.5 KB).
            { name: "i18n-appl-docs", test: messageFiles(appKeys(DOCUMENT_KEYS)), priority: 3.5 },
            { name: "i18n-appl", test: messageFiles(appKeys(APPLICATION_KEYS)), priority: 3 },
            {
              name: "i18n-appl-later",
              test: messageFiles(appKeys(APPLICATION_LATER_KEYS)),
              priority: 2,
              minShareCount: 2,
              entriesAware: true,
            },
            {
              name: "i18n-app",
              test: (id: string) => APP_MESSAGES.test(id) || SIGNED_IN_ONLY_MESSAGES.test(id),
              priority: 1,
              // Without `minShareCount: 2`, texts of one page only were merged into a neighbour's subgroup
              // (the unsent-changes page's backup texts came with the self-assessment page: 1.8 KB).
              minShareCount: 2,
              entriesAware: true,
              entriesAwareMergeThreshold: 4000,
            },
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
