/**
 * Akrab's service worker: keeps the app shell on the device so that a repeat visit, even on a
 * 2G link or offline, opens the sign-in page and the home without waiting on the network.
 *
 * - Cache key = SvelteKit's build version; a new deploy installs a new cache and the
 *   page offers a reload (the new worker waits until told to take over, so a running
 *   tab never mixes two builds).
 * - Precache in three steps. Install fetches only the first set: the shell, the entry, the
 *   /login route and the signed-in shell and home without any role's home (listed by the build from
 *   SvelteKit's client manifest, see `web/first-precache.ts`), so a first visit on 2G does not
 *   share its link with a minute of precaching. Once signed in, the page names the person's homes
 *   and the files it fetched (`PRECACHE_HOME`): those come next, with each home's lazily loaded
 *   parts, mostly from the browser's HTTP cache. The rest comes when the page says the link is
 *   idle (`PRECACHE_REST`, not with data saver), or file by file as the pages fetch them (every
 *   immutable asset is cached as it passes).
 * - Every navigation gets the cached SPA shell ("/", the adapter's index.html fallback), cache
 *   first, then asks the network for it in the background: the same build's shell replaces the
 *   cached one (headers such as the CSP may change), another build's means a new deploy, so the
 *   worker looks for its update (the page then offers the reload). The sign-in page (/login, not a
 *   SvelteKit page: build/login.html, see web/login-page.ts) is its own document, kept the same way.
 * - An old link of a tenant page (`?t={tenant}`) is redirected to its path now, as the Worker does.
 * - /api/* is never touched: data is live, and the session cookie stays with the network.
 * - Background Sync (`akrab-outbox`): the outbox's waiting changes are sent by an open page's
 *   loop when there is one, by this worker otherwise (see `outbox-sync.ts`); both send through
 *   `lib/offline/send.ts`, so the request and its Idempotency-Key are the same either way.
 */
import { self } from "$app/service-worker";
import { assets, immutable } from "$app/manifest";
import { version } from "$app/env";
import { pathOfOldLink } from "@akrab/domain";
import {
  OUTBOX_SYNC_TAG,
  PRECACHE_HOME,
  PRECACHE_REST,
  SKIP_WAITING,
  SYNC_OUTBOX,
  type PrecacheHome,
} from "../lib/offline/messages.ts";
import type { Role } from "../lib/api-types.ts";
import { homeKind } from "../lib/roles.ts";
import { sendWaitingChanges } from "./outbox-sync.ts";

const CACHE_PREFIX = "akrab-shell-";
const CACHE = `${CACHE_PREFIX}${version}`;
const scope = new URL(self.registration.scope);
const toPath = (path: string) => new URL(path, scope).pathname;

/** Files in static/ that the Worker never serves as assets (they configure it). */
const NOT_SERVED = new Set(["_headers", "_redirects", ".assetsignore"]);

const SHELL = toPath("./");
const LOGIN = toPath("./login");
/** The documents the worker answers navigations with, cache first (see `refreshPage`). */
const PAGES = new Set([SHELL, LOGIN]);
const IMMUTABLE = immutable.map((file) => toPath(file.path));
const STATIC = assets.filter((file) => !NOT_SERVED.has(file.path.replace(/^\//, ""))).map((file) => toPath(file.path));

/**
 * The first set, written into this file by the build (`first-precache.ts` replaces the placeholder
 * with a JSON list of paths under /_app/immutable/, the sign-in page's two files among them: SvelteKit's
 * manifest does not know those). Unreplaced (dev), every file is first.
 */
const FIRST_SET_JSON = "__AKRAB_FIRST_PRECACHE__";
function listedFirst(): string[] {
  try {
    return (JSON.parse(FIRST_SET_JSON) as string[]).map(toPath);
  } catch {
    return IMMUTABLE;
  }
}
const LISTED = listedFirst();
/**
 * Each role's home (by `homeKind`) with its lazily loaded parts, less the first set: written by the
 * build as the first set is (`homePrecache` in first-precache.ts). Unreplaced (dev), none: every file
 * is first there.
 */
const HOMES_JSON = "__AKRAB_HOME_PRECACHE__";
function listedHomes(): Map<string, string[]> {
  try {
    const homes = JSON.parse(HOMES_JSON) as Record<string, string[]>;
    return new Map(Object.entries(homes).map(([kind, paths]) => [kind, paths.map(toPath)]));
  } catch {
    return new Map();
  }
}
const HOMES = listedHomes();
/** Each role home's files in one file (`writeHomePacks` in first-precache.ts). Unreplaced (dev), none. */
const PACKS_JSON = "__AKRAB_HOME_PACKS__";
function listedPacks(): Map<string, string> {
  try {
    return new Map(Object.entries(JSON.parse(PACKS_JSON) as Record<string, string>).map(([k, p]) => [k, toPath(p)]));
  } catch {
    return new Map();
  }
}
const PACKS = listedPacks();
/** Everything of this build the worker keeps: cached when first fetched, whichever way. */
const KNOWN = new Set([
  ...PAGES,
  ...IMMUTABLE,
  ...LISTED.filter((path) => path.startsWith("/_app/immutable/")),
  ...STATIC,
]);
/** Build files, named by their content: the browser's HTTP cache can only hold this very file. */
const HASHED = new Set([...KNOWN].filter((path) => !PAGES.has(path) && !STATIC.includes(path)));
// The icons are for the install dialog and the home screen: they can wait for the rest.
const FIRST = [
  ...PAGES,
  ...STATIC.filter((path) => !path.endsWith(".png")),
  ...LISTED.filter((path) => KNOWN.has(path)),
];

/**
 * Files on their way into the cache now: a page asking for one waits for that fetch rather than
 * sending the same request beside it (the home's files, which the sign-in page has the worker fetch
 * while the home opens and asks for them too).
 */
const fetching = new Map<string, Promise<void>>();

/** Files fetched at a time while precaching: enough to fill a slow link, few enough to leave it room. */
const PRECACHE_PARALLEL = 4;

/**
 * Fetches `paths` not yet in the cache into it. A build file may come from the browser's HTTP cache
 * (its name is its content: the sign-in page's or the home's files, which the page fetched before
 * this worker controlled it, are not fetched over the link twice); the pages and static files skip
 * it (`reload`: never an older file).
 * Each file is kept as it arrives, not with `cache.addAll`: that keeps nothing when one file of the
 * batch fails, so a link lost halfway through two hundred files would keep none of them, and a
 * person who went offline a minute after signing in would find the upload or the action they need
 * missing. Throws when a file could not be fetched (install then fails and is tried again).
 */
async function precache(paths: string[]): Promise<void> {
  const cache = await caches.open(CACHE);
  const missing: string[] = [];
  for (const path of paths) if (!(await cache.match(path))) missing.push(path);
  const fetchOne = async (path: string) => {
    // The page may have asked for it meanwhile (and been answered, or be waiting on the same fetch).
    await fetching.get(path);
    if (await cache.match(path)) return;
    const fetched = (async () => {
      const response = await fetch(new Request(path, { cache: HASHED.has(path) ? "default" : "reload" }));
      if (!response.ok) throw new Error(`precache: ${path} answered ${response.status}`);
      await cache.put(path, response);
    })();
    fetching.set(
      path,
      fetched.catch(() => {}),
    );
    try {
      await fetched;
    } finally {
      fetching.delete(path);
    }
  };
  // A sliding window, not batches: the next file starts as soon as one arrives. Batches of four waited
  // for each batch's slowest file, and Chromium sent a batch's fourth request a round trip late, so
  // every four files cost two round trips (bench/link.ts: the first set on 2G took about 40 s).
  const fetchInTurn = async () => {
    for (let path = missing.shift(); path !== undefined; path = missing.shift()) await fetchOne(path);
  };
  await Promise.all(Array.from({ length: PRECACHE_PARALLEL }, fetchInTurn));
}

self.addEventListener("install", (event) => {
  event.waitUntil(precache(FIRST));
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

/**
 * The precaches asked for after install, one after another: the person's home before the rest
 * (no file fetched twice by two precaches running side by side). A failure (link lost) leaves the
 * files fetched so far, and the next page load asks again.
 */
let precaching: Promise<void> = Promise.resolve();
const precacheNext = (paths: () => string[]) => {
  precaching = precaching.then(() => precache(paths())).catch(() => {});
  return precaching;
};

/** The home kinds of the roles a page names (anything else than a list: none). */
const homeKinds = (roles: unknown) =>
  new Set((Array.isArray(roles) ? roles : []).map((role) => homeKind(String(role) as Role)));

/** The homes of the person's roles and what the page fetched (build files of this build only), in that order. */
function homeFiles({ roles, fetched }: Partial<PrecacheHome>): string[] {
  const homes = [...homeKinds(roles)].flatMap((kind) => HOMES.get(kind) ?? []);
  const pages = (Array.isArray(fetched) ? fetched : []).map(String).filter((path) => HASHED.has(path));
  return [...new Set([...homes, ...pages])];
}

/**
 * The sign-in page's homes, each in one request (its pack): the home opening meanwhile asks for
 * their files one by one, and each such request waits here (`fetching`) rather than go on the link.
 * Only the files not cached yet; a pack that fails leaves the home's requests to the network.
 */
function unpackHomes(roles: unknown): Promise<void> {
  const jobs = [...homeKinds(roles)].map((kind) => {
    const pack = PACKS.get(kind);
    const files = HOMES.get(kind) ?? [];
    if (!pack || files.length === 0) return Promise.resolve();
    const done = (async () => {
      const cache = await caches.open(CACHE);
      const cached = await Promise.all(files.map((path) => cache.match(path)));
      if (cached.every(Boolean)) return;
      const response = await fetch(pack);
      if (!response.ok) throw new Error(`precache: ${pack} answered ${response.status}`);
      const contents = (await response.json()) as Record<string, string>;
      const kept = files.filter((path, i) => !cached[i] && contents[path] !== undefined);
      await Promise.all(
        kept.map((path) => {
          const type = path.endsWith(".css") ? "text/css" : "text/javascript";
          const body = new Response(contents[path], { headers: { "content-type": `${type}; charset=utf-8` } });
          return cache.put(path, body);
        }),
      );
    })();
    // Set at once (the message comes before the sign-in page opens the home): no request slips past it.
    const settled = done.catch(() => {});
    for (const path of files) if (!fetching.has(path)) fetching.set(path, settled);
    void settled.then(() => {
      for (const path of files) if (fetching.get(path) === settled) fetching.delete(path);
    });
    return settled;
  });
  return Promise.all(jobs).then(() => {});
}

self.addEventListener("message", (event) => {
  const data = event.data as ({ type?: string } & Partial<PrecacheHome>) | null;
  const type = data?.type;
  if (type === SKIP_WAITING) void self.skipWaiting();
  else if (type === PRECACHE_HOME && data?.packed) event.waitUntil(unpackHomes(data.roles));
  else if (type === PRECACHE_HOME && data) event.waitUntil(precacheNext(() => homeFiles(data)));
  // The rest a few files at a time.
  else if (type === PRECACHE_REST) event.waitUntil(precacheNext(() => [...KNOWN]));
});

async function fromCache(key: string, request: Request): Promise<Response> {
  const cache = await caches.open(CACHE);
  await fetching.get(key);
  const hit = await cache.match(key);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok && KNOWN.has(key)) await cache.put(key, response.clone());
  return response;
}

/**
 * A page (the shell or the sign-in page) from the network, kept when it is this build's; another
 * build's looks for the update. The shell names the build in its bootstrap, the sign-in page in a meta.
 */
async function refreshPage(path: string): Promise<void> {
  const response = await fetch(path, { cache: "no-cache" });
  if (!response.ok) return;
  const html = await response.clone().text();
  const ours =
    html.includes(`version: "${version}"`) || html.includes(`<meta name="akrab-build" content="${version}">`);
  if (ours) await (await caches.open(CACHE)).put(path, response);
  else await self.registration.update();
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== scope.origin) return;
  if (url.pathname.startsWith("/api/")) return;

  if (KNOWN.has(url.pathname) && !PAGES.has(url.pathname)) {
    event.respondWith(fromCache(url.pathname, request));
  } else if (request.mode === "navigate") {
    // An old link (`/permohonan/{id}?t=…`, from an email or a notification sent before the tenant
    // moved into the path) gets the Worker's redirect, made here: the cached shell has no page for it.
    const moved = pathOfOldLink(url);
    if (moved) return event.respondWith(Response.redirect(new URL(moved, url).href, 301));
    // Every route of the SPA is the same document; the sign-in page is a document of its own.
    const page = url.pathname === LOGIN || url.pathname === `${LOGIN}/` ? LOGIN : SHELL;
    event.respondWith(fromCache(page, request).catch(() => fetch(request)));
    event.waitUntil(refreshPage(page).catch(() => {}));
  }
  // Anything else (e.g. /_app/version.json) goes to the network untouched.
});

/** Background Sync's event (not in TypeScript's worker library yet). */
interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
}

/** An open page's answer to SYNC_OUTBOX: how many changes still wait (null: no page answered in time). */
function askPage(client: Client): Promise<number | null> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    const timer = setTimeout(() => resolve(null), 20_000);
    channel.port1.onmessage = (message) => {
      clearTimeout(timer);
      resolve(typeof message.data === "number" ? message.data : null);
    };
    client.postMessage({ type: SYNC_OUTBOX }, [channel.port2]);
  });
}

self.addEventListener("sync", (e) => {
  const event = e as SyncEvent;
  if (event.tag !== OUTBOX_SYNC_TAG) return;
  event.waitUntil(
    (async () => {
      // An open page sends them itself (its loop shows what happens as it goes); with none, or none
      // answering (a page of an older build), the worker sends them.
      const [open] = await self.clients.matchAll({ type: "window" });
      const waiting = (open ? await askPage(open) : null) ?? (await sendWaitingChanges());
      // Changes still waiting (no link after all): failing lets the browser try this sync again later.
      if (waiting > 0) throw new Error(`outbox: ${waiting} changes still waiting`);
    })(),
  );
});
