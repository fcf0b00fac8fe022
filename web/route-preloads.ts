/**
 * Shortens the critical request chain of a first visit by listing in the HTML what SvelteKit would
 * otherwise ask for one round trip after another. Its SPA shell (build/index.html, served for every
 * path) preloads the client runtime, the route map and the root layout; then the runtime loads the
 * root error page (it awaits both before routing), and only then the route's own nodes. On an 800 ms
 * link each of those steps is a round trip.
 *
 * build/index.html also preloads the root error page with its imports and stylesheets: every page
 * loads it at start. (The sign-in page is not a SvelteKit page: see login-page.ts.)
 *
 * Read from SvelteKit's client manifest (Vite's `.vite/manifest.json`) after the adapter wrote build/.
 */
import { readFileSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Plugin } from "vite";

const WEB = fileURLToPath(new URL(".", import.meta.url));
const BUILD = join(WEB, "build");
const CLIENT_MANIFEST = join(WEB, ".svelte-kit/output/client/.vite/manifest.json");

/** Route files whose nodes every page loads at start. */
const EVERY_PAGE = ["src/routes/+error.svelte"];

interface Chunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}

/** The JS files (static imports included) and stylesheets of the nodes holding `routes`. */
function filesOf(manifest: Record<string, Chunk>, routes: string[]): { js: Set<string>; css: Set<string> } {
  const js = new Set<string>();
  const css = new Set<string>();
  const add = (key: string) => {
    const chunk = manifest[key];
    if (!chunk) throw new Error(`route-preloads: ${key} not in the client manifest`);
    if (js.has(`/${chunk.file}`)) return;
    js.add(`/${chunk.file}`);
    for (const sheet of chunk.css ?? []) css.add(`/${sheet}`);
    for (const imported of chunk.imports ?? []) add(imported);
  };
  const found = new Set<string>();
  // SvelteKit's node modules re-export the route files: map each route file to its node.
  for (const [key, chunk] of Object.entries(manifest)) {
    if (!chunk.isEntry || !/client-optimized[\\/]nodes[\\/]\d+\.js$/.test(key)) continue;
    const source = readFileSync(join(WEB, key), "utf8");
    const sources = [...source.matchAll(/["'](?:\.\.\/)+(src\/routes\/[^"']+)["']/g)].map((match) => match[1] ?? "");
    const wanted = sources.filter((route) => routes.includes(route));
    if (wanted.length === 0) continue;
    for (const route of wanted) found.add(route);
    add(key);
  }
  const missing = routes.filter((route) => !found.has(route));
  if (missing.length > 0) throw new Error(`route-preloads: no build node for ${missing.join(", ")}`);
  return { js, css };
}

/** `html` with preload and stylesheet links for the files of `routes` it does not list yet. */
function withPreloads(html: string, manifest: Record<string, Chunk>, routes: string[]): string {
  const { js, css } = filesOf(manifest, routes);
  const links = [
    ...[...js].filter((path) => !html.includes(`"${path}"`)).map((path) => `<link href="${path}" rel="modulepreload">`),
    // As stylesheets, not preloads: Vite's preload helper then finds them and adds no second link.
    ...[...css].filter((path) => !html.includes(`"${path}"`)).map((path) => `<link href="${path}" rel="stylesheet">`),
  ];
  if (links.length === 0) return html;
  if (!/\s*<\/head>/.test(html)) throw new Error("route-preloads: no </head> in the shell");
  return html.replace(/\s*<\/head>/, `\n\t\t${links.join("\n\t\t")}\n  </head>`);
}

/** After the adapter wrote build/ (and before the first precache reads the shell's links). */
export function routePreloadsPlugin(): Plugin {
  return {
    name: "akrab-route-preloads",
    apply: "build",
    buildApp: {
      order: "post",
      async handler() {
        const manifest = JSON.parse(readFileSync(CLIENT_MANIFEST, "utf8")) as Record<string, Chunk>;
        const shellPath = join(BUILD, "index.html");
        const shell = withPreloads(await readFile(shellPath, "utf8"), manifest, EVERY_PAGE);
        await writeFile(shellPath, shell);
      },
    },
  };
}
