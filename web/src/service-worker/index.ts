/**
 * Akrab's service worker: precaches the app shell so that a repeat visit, even on a
 * 2G link or offline, fetches no shell bytes.
 *
 * - Cache key = SvelteKit's build version; a new deploy installs a new cache and the
 *   page offers a reload (the new worker waits until told to take over, so a running
 *   tab never mixes two builds).
 * - Every navigation gets the cached SPA shell ("/", the adapter's index.html fallback),
 *   cache first. The cached response keeps its headers, CSP included.
 * - /api/* is never touched: data is live, and the session cookie stays with the network.
 */
import { self } from "$app/service-worker";
import { assets, immutable } from "$app/manifest";
import { version } from "$app/env";

const CACHE_PREFIX = "akrab-shell-";
const CACHE = `${CACHE_PREFIX}${version}`;
const scope = new URL(self.registration.scope);
const toPath = (path: string) => new URL(path, scope).pathname;

/** Files in static/ that the Worker never serves as assets (they configure it). */
const NOT_SERVED = new Set(["_headers", "_redirects", ".assetsignore"]);

const SHELL = toPath("./");
const PRECACHE = [
  SHELL,
  ...immutable.map((file) => toPath(file.path)),
  ...assets.filter((file) => !NOT_SERVED.has(file.path.replace(/^\//, ""))).map((file) => toPath(file.path)),
];
const PRECACHED = new Set(PRECACHE);

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // `reload` skips the HTTP cache so an older index.html can never be precached.
      await cache.addAll(PRECACHE.map((url) => new Request(url, { cache: "reload" })));
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith(CACHE_PREFIX) && key !== CACHE) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("message", (event) => {
  if (event.data && (event.data as { type?: string }).type === "SKIP_WAITING") void self.skipWaiting();
});

async function fromCache(key: string, request: Request): Promise<Response> {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(key);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok && PRECACHED.has(key)) await cache.put(key, response.clone());
  return response;
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== scope.origin) return;
  if (url.pathname.startsWith("/api/")) return;

  if (PRECACHED.has(url.pathname)) {
    event.respondWith(fromCache(url.pathname, request));
  } else if (request.mode === "navigate") {
    // Every route of the SPA is the same document.
    event.respondWith(fromCache(SHELL, request).catch(() => fetch(request)));
  }
  // Anything else (e.g. /_app/version.json) goes to the network untouched.
});
