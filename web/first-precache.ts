/**
 * The service worker's first precache set, taken from the build (never listed by hand): what the
 * sign-in page and the signed-in shell need, so that a first visit on 2G fetches only those while
 * it installs; and each role's home with its lazily loaded parts, kept once the signed-in page says
 * whose home it is (a person's role is unknown on the sign-in page: listing every role's home in the
 * first set made it 123 KB gzip, now 104 KB). `firstPrecachePlugin` writes both into
 * build/service-worker.js in place of the placeholders `__AKRAB_FIRST_PRECACHE__` and
 * `__AKRAB_HOME_PRECACHE__` (see src/service-worker/index.ts), and each role home's files in one
 * file (`__AKRAB_HOME_PACKS__`, see `writeHomePacks`).
 *
 * Read from SvelteKit's client manifest (Vite's `.vite/manifest.json`): the files the shell
 * (build/index.html) loads, and for each route file below its node's chunk with its static imports
 * and CSS; for the signed-in layout also the chunks it imports lazily (its offline banner).
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Plugin } from "vite";

const WEB = fileURLToPath(new URL(".", import.meta.url));
const BUILD = join(WEB, "build");
const CLIENT_MANIFEST = join(WEB, ".svelte-kit/output/client/.vite/manifest.json");
const PLACEHOLDER = /(["'`])__AKRAB_FIRST_PRECACHE__\1/g;
const HOME_PLACEHOLDER = /(["'`])__AKRAB_HOME_PRECACHE__\1/g;
const PACK_PLACEHOLDER = /(["'`])__AKRAB_HOME_PACKS__\1/g;
/** Where the homes' packs go: beside the build files, not among them (they are never cached, only unpacked). */
const PACK_DIR = "/_app/home-packs";

/**
 * The route files of the "forgotten password" page (the sign-in page links to it; it says it needs a
 * connection when opened offline), of the home (without the role homes it loads lazily, see
 * `homePrecache`) and of the unsent changes, with the layouts and error page around them. The sign-in
 * page itself is not a SvelteKit page: build/login.html names its files.
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
 * Of those, the one whose lazily loaded chunks belong to what every signed-in page shows: the
 * signed-in layout's offline banner and device notices (a home opened offline shows the banner).
 */
const WITH_LAZY_PARTS = new Set(["src/routes/(app)/+layout.svelte"]);
/** The home, whose lazily loaded chunks are the role homes (`homePrecache`). */
const HOME_ROUTE = "src/routes/(app)/+page.svelte";

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

type Manifest = Record<string, Chunk>;

const readManifest = () => JSON.parse(readFileSync(CLIENT_MANIFEST, "utf8")) as Manifest;

/**
 * Collects into `files` the paths (from the site root) of a chunk, its CSS and its static imports,
 * and with `lazyParts` also of the chunks it imports lazily (with their static imports).
 */
function collector(manifest: Manifest, files: Set<string>) {
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
  return add;
}

/** SvelteKit's node modules re-export the route files: each route node's manifest key with its route files. */
function routeNodes(manifest: Manifest): { key: string; routes: string[] }[] {
  const nodes: { key: string; routes: string[] }[] = [];
  for (const [key, chunk] of Object.entries(manifest)) {
    if (!chunk.isEntry || !/client-optimized[\\/]nodes[\\/]\d+\.js$/.test(key)) continue;
    const source = readFileSync(join(WEB, key), "utf8");
    const routes = [...source.matchAll(/["'](?:\.\.\/)+(src\/routes\/[^"']+)["']/g)].map((match) => match[1] ?? "");
    nodes.push({ key, routes });
  }
  return nodes;
}

/** Paths (from the site root, e.g. "/_app/immutable/nodes/3.x.js") of the first precache set. */
export function firstPrecache(): string[] {
  const manifest = readManifest();
  const files = new Set<string>();
  const add = collector(manifest, files);

  for (const [key, chunk] of Object.entries(manifest)) {
    if (chunk.isEntry && /[\\/]client[\\/]entry\.js$|client-optimized[\\/]app\.js$/.test(key)) add(key, false);
  }
  const found = new Set<string>();
  for (const { key, routes } of routeNodes(manifest)) {
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

/**
 * Each role's home (by its kind, `homeKind` in src/lib/roles.ts) with its lazily loaded parts (the
 * Dinsos home's member list and setup checklist…): what the worker keeps first once the signed-in
 * page names the person's homes (`PRECACHE_HOME`), so that a reload offline shows the home on a
 * device that never fetched the rest (data saver, or the link gone right after sign-in). Files of the
 * first set are left out. The kinds are read from the home's `homes` table, and each must be one of
 * the home node's lazily loaded chunks (and every one of those a role home), so a new role home
 * cannot be left out.
 */
export function homePrecache(): Record<string, string[]> {
  const manifest = readManifest();
  const first = new Set(firstPrecache());
  const page = readFileSync(join(WEB, HOME_ROUTE), "utf8");
  const kinds = [...page.matchAll(/\b(\w+):\s*\(\)\s*=>\s*import\(\s*["']#lib\/([^"']+\.svelte)["']\s*\)/g)].map(
    ([, kind, file]) => ({ kind: kind ?? "", key: `src/lib/${file}` }),
  );
  const home = routeNodes(manifest).find(({ routes }) => routes.includes(HOME_ROUTE));
  if (!home) throw new Error(`first-precache: no build node for ${HOME_ROUTE}`);
  const lazy = (manifest[home.key]?.dynamicImports ?? []).sort();
  const listed = kinds.map(({ key }) => key).sort();
  if (kinds.length === 0 || JSON.stringify(lazy) !== JSON.stringify(listed))
    throw new Error(
      `first-precache: the home's role homes (${listed.join(", ")}) are not its lazily loaded chunks (${lazy.join(", ")})`,
    );
  const homes: Record<string, string[]> = {};
  for (const { kind, key } of kinds) {
    const files = new Set<string>();
    collector(manifest, files)(key, true);
    homes[kind] = [...files].filter((path) => !first.has(path)).sort();
  }
  return homes;
}

/**
 * Each role home's files (`homePrecache`) in one JSON file, `{ path: text }`, written into build/ and
 * named by its content: what the worker fetches when the sign-in page names the person's roles. A home
 * is twenty-odd small files (its chunk, its texts' chunks, its CSS); over HTTP/1.1 the browser sends
 * six requests at a time, so on 2G they cost four round trips one after another (bench/link.ts's
 * waterfall), one request here. Returns each kind's pack path.
 */
async function writeHomePacks(homes: Record<string, string[]>): Promise<Record<string, string>> {
  await mkdir(join(BUILD, PACK_DIR), { recursive: true });
  const packs: Record<string, string> = {};
  for (const [kind, paths] of Object.entries(homes)) {
    const files: Record<string, string> = {};
    for (const path of paths) files[path] = await readFile(join(BUILD, path), "utf8");
    const json = JSON.stringify(files);
    const hash = createHash("sha256").update(json).digest("base64url").slice(0, 8);
    const path = `${PACK_DIR}/${kind}.${hash}.json`;
    await writeFile(join(BUILD, path), json);
    packs[kind] = path;
  }
  return packs;
}

/** After the adapter wrote build/: puts the first set, the role homes and their packs into the service worker. */
export function firstPrecachePlugin(): Plugin {
  return {
    name: "akrab-first-precache",
    apply: "build",
    buildApp: {
      order: "post",
      async handler() {
        const workerPath = join(BUILD, "service-worker.js");
        let worker = await readFile(workerPath, "utf8");
        const homes = homePrecache();
        for (const [placeholder, value] of [
          [PLACEHOLDER, firstPrecache()],
          [HOME_PLACEHOLDER, homes],
          [PACK_PLACEHOLDER, await writeHomePacks(homes)],
        ] as const) {
          const count = worker.match(placeholder)?.length ?? 0;
          if (count !== 1)
            throw new Error(
              `akrab-first-precache: expected one placeholder ${placeholder} in service-worker.js, saw ${count}`,
            );
          const json = JSON.stringify(JSON.stringify(value));
          worker = worker.replace(placeholder, () => json);
        }
        await writeFile(workerPath, worker);
      },
    },
  };
}
