/**
 * The service worker's first precache set, taken from the build (never listed by hand): what the
 * sign-in page and a signed-in person's home need, so that a first visit on 2G fetches only those
 * while it installs. `firstPrecachePlugin` writes the list into build/service-worker.js in place
 * of the placeholder `__AKRAB_FIRST_PRECACHE__` (see src/service-worker/index.ts).
 *
 * Read from SvelteKit's client manifest (Vite's `.vite/manifest.json`): the files the shell
 * (build/index.html) loads, and for each route file below its node's chunk with its static imports
 * and CSS; for the home also the chunks it imports lazily (every role's home: which one a person
 * sees is only known once signed in) and for the signed-in layout its offline banner.
 */
import { readFileSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Plugin } from "vite";

const WEB = fileURLToPath(new URL(".", import.meta.url));
const BUILD = join(WEB, "build");
const CLIENT_MANIFEST = join(WEB, ".svelte-kit/output/client/.vite/manifest.json");
const PLACEHOLDER = /(["'`])__AKRAB_FIRST_PRECACHE__\1/g;

/**
 * The route files of the "forgotten password" page (the sign-in page links to it; it says it needs a
 * connection when opened offline), of the home and of the unsent changes, with the layouts and error
 * page around them. The sign-in page itself is not a SvelteKit page: build/login.html names its files.
 */
const FIRST_ROUTES = [
  "src/routes/+layout.svelte",
  "src/routes/+error.svelte",
  "src/routes/(auth)/+layout.svelte",
  "src/routes/(auth)/reset-password/+page.svelte",
  "src/routes/(app)/+layout.svelte",
  "src/routes/(app)/+page.svelte",
  // The list of changes not yet sent: a page one opens precisely when offline.
  "src/routes/(app)/perubahan/+page.svelte",
];
/**
 * Of those, the ones whose lazily loaded chunks belong to what the page shows: the home's role homes,
 * the signed-in layout's offline banner and device notices (a home opened offline shows the banner).
 */
const WITH_LAZY_PARTS = new Set(["src/routes/(app)/+page.svelte", "src/routes/(app)/+layout.svelte"]);

/**
 * Modules loaded on demand that must be on the device before the link goes: the outbox, its loop,
 * the letter's change, and the checklist reviews and workflow actions with the note that shows one
 * waiting (a change saved offline is written by them; not cached, saving offline fails on a device
 * that has not fetched the rest of the shell yet, or skipped it, as on 2G with data saver). The
 * upload queue is not here (tens of KB with tus): it comes when a person reaches for a file picker.
 */
const FIRST_MODULES = [
  "src/lib/offline/load-sync.ts",
  "src/lib/offline/sync.svelte.ts",
  "src/lib/offline/letter-change.ts",
  "src/lib/offline/application-changes.ts",
  "src/lib/offline/UnsentReview.svelte",
];

interface Chunk {
  file: string;
  name?: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

/** Paths (from the site root, e.g. "/_app/immutable/nodes/3.x.js") of the first precache set. */
export function firstPrecache(): string[] {
  const manifest = JSON.parse(readFileSync(CLIENT_MANIFEST, "utf8")) as Record<string, Chunk>;
  const files = new Set<string>();
  const seen = new Set<string>();
  const add = (key: string, lazyParts: boolean) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`first-precache: ${key} not in the client manifest`);
    files.add(`/${chunk.file}`);
    for (const css of chunk.css ?? []) files.add(`/${css}`);
    for (const imported of chunk.imports ?? []) add(imported, false);
    if (lazyParts) for (const lazy of chunk.dynamicImports ?? []) add(lazy, false);
  };

  // SvelteKit's node modules re-export the route files: map each route file to its node.
  const found = new Set<string>();
  for (const [key, chunk] of Object.entries(manifest)) {
    if (!chunk.isEntry) continue;
    if (/[\\/]client[\\/]entry\.js$|client-optimized[\\/]app\.js$/.test(key)) add(key, false);
    if (!/client-optimized[\\/]nodes[\\/]\d+\.js$/.test(key)) continue;
    const source = readFileSync(join(WEB, key), "utf8");
    const routes = [...source.matchAll(/["'](?:\.\.\/)+(src\/routes\/[^"']+)["']/g)].map((match) => match[1] ?? "");
    const first = routes.filter((route) => FIRST_ROUTES.includes(route));
    for (const route of first) found.add(route);
    if (first.length > 0)
      add(
        key,
        first.some((route) => WITH_LAZY_PARTS.has(route)),
      );
  }
  // A module imported both ways is a chunk keyed by its file name, known by its module's name.
  for (const module of FIRST_MODULES) {
    const name = module.replace(/^.*\//, "").replace(/\.ts$/, "");
    const keys = module in manifest ? [module] : Object.keys(manifest).filter((key) => manifest[key]?.name === name);
    const [key] = keys;
    if (keys.length !== 1 || key === undefined) throw new Error(`first-precache: ${keys.length} chunks for ${module}`);
    add(key, false);
  }
  const missing = FIRST_ROUTES.filter((route) => !found.has(route));
  if (missing.length > 0)
    throw new Error(`first-precache: no build node for ${missing.join(", ")}; update FIRST_ROUTES`);

  // What the shell and the sign-in page load (modulepreload, stylesheet, the bootstrap's import).
  for (const page of ["index.html", "login.html"]) {
    const html = readFileSync(join(BUILD, page), "utf8");
    for (const [, path] of html.matchAll(/["'](\/_app\/immutable\/[^"']+)["']/g)) if (path) files.add(path);
  }
  // build/login.html is written by login-page.ts before this runs: its own script and stylesheet are in it.
  if (![...files].some((path) => path.startsWith("/_app/immutable/login/")))
    throw new Error("first-precache: build/login.html names none of the sign-in page's files");
  return [...files].sort();
}

/** After the adapter wrote build/: puts the first set into the service worker. */
export function firstPrecachePlugin(): Plugin {
  return {
    name: "akrab-first-precache",
    apply: "build",
    buildApp: {
      order: "post",
      async handler() {
        const workerPath = join(BUILD, "service-worker.js");
        const worker = await readFile(workerPath, "utf8");
        const count = worker.match(PLACEHOLDER)?.length ?? 0;
        if (count !== 1)
          throw new Error(`akrab-first-precache: expected one placeholder in service-worker.js, saw ${count}`);
        const list = JSON.stringify(JSON.stringify(firstPrecache()));
        await writeFile(
          workerPath,
          worker.replace(PLACEHOLDER, () => list),
        );
      },
    },
  };
}
