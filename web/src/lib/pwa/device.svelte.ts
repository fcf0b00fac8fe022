/**
 * After a signed-in page load (loaded by the (app) layout once the page is there and the browser
 * idle, never with the sign-in page): the person's homes, then the rest of the app shell, into the
 * service worker's cache; persistent storage for what the person keeps on the device, and whether
 * to offer the install or tell an iPhone user about Safari's 7-day rule (the notices and their texts
 * load only then).
 */
import { mayFetch } from "#lib/data-saver/state.svelte.ts";
import { PRECACHE_HOME, PRECACHE_REST, type PrecacheHome } from "#lib/offline/messages.ts";

/** Chromium's `beforeinstallprompt` event (not in TypeScript's DOM library). */
interface InstallPromptEvent extends Event {
  prompt(): Promise<void>;
  readonly userChoice: Promise<{ outcome: "accepted" | "dismissed" }>;
}

export const pwa = $state({
  /** The browser's install offer, kept for the moment Akrab asks. */
  installEvent: null as InstallPromptEvent | null,
  /** Signed in on a second visit, or a change was saved on the device: a good moment to offer it. */
  installWorthwhile: false,
  /** Which notices to show (each remembered as dismissed per device). */
  offerInstall: false,
  iosNotice: false,
});

/** The browser's offer: the one the root layout kept before this loaded, then any later one. */
function watchInstallPrompt(): void {
  pwa.installEvent ??= ((globalThis as { akrabInstallPrompt?: Event }).akrabInstallPrompt ??
    null) as InstallPromptEvent | null;
  addEventListener("beforeinstallprompt", (event) => {
    event.preventDefault();
    pwa.installEvent = event as InstallPromptEvent;
  });
}

/** A change was written to this device (the outbox): worth offering the install now. */
export function changeSavedOnDevice(): void {
  pwa.installWorthwhile = true;
}

const SIGNED_IN_LOADS = "akrab.pwa.signed-in-loads";
export const INSTALL_DISMISSED = "akrab.pwa.install-dismissed";
export const IOS_NOTICE_DISMISSED = "akrab.pwa.ios-notice-dismissed";

function stored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function remember(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // private mode: asked again next time
  }
}

/**
 * The worker's first set has no role's home (whose it is was unknown on the sign-in page): this names
 * the person's roles, whose homes (with their lazily loaded parts) the worker keeps next, and the
 * build files this page fetched, which it may have fetched before the worker controlled it (a first
 * visit): a reload offline then shows this home and this page. With data saver too: it is what the
 * person sees, and mostly in the browser's HTTP cache already. (The roles come from the layout, and
 * the worker finds their homes: an import of the role names here would regroup the texts of every
 * page, see `entriesAware` in vite.config.ts.)
 */
function keepHomes(roles: string[]): void {
  const sw = navigator.serviceWorker;
  if (!sw) return;
  const fetched = performance
    .getEntriesByType("resource")
    .map((entry) => new URL(entry.name))
    .filter((url) => url.origin === location.origin && url.pathname.startsWith("/_app/immutable/"))
    .map((url) => url.pathname);
  const message: PrecacheHome & { type: string } = {
    type: PRECACHE_HOME,
    roles: [...new Set(roles)],
    fetched,
  };
  void sw.ready.then((registration) => registration.active?.postMessage(message));
}

/**
 * Already after the page's own loads (see the (app) layout): the worker fetches the rest when idle.
 * Not with data saver on (Save-Data, a 2G link, or the person's choice: the data-saver rule's
 * "precache"): the rest then comes file by file as pages need it (cached as it passes).
 */
function precacheRestWhenIdle(): void {
  const sw = navigator.serviceWorker;
  if (!sw || !mayFetch("precache")) return;
  const idle = (run: () => void) =>
    "requestIdleCallback" in globalThis ? requestIdleCallback(run, { timeout: 10_000 }) : setTimeout(run, 1000);
  void sw.ready.then((registration) => idle(() => registration.active?.postMessage({ type: PRECACHE_REST })));
}

/** iPhone and iPad Safari (iPadOS says "Macintosh" but has touch), not opened from the home screen. */
function iosSafariInBrowser(): boolean {
  const ios =
    /iPhone|iPad|iPod/.test(navigator.userAgent) ||
    (/Macintosh/.test(navigator.userAgent) && navigator.maxTouchPoints > 1);
  const standalone =
    (navigator as Navigator & { standalone?: boolean }).standalone === true ||
    matchMedia("(display-mode: standalone)").matches;
  return ios && !standalone;
}

let started = false;

/** A notice is due: the iPhone one, or the install offer at a good moment with the browser's offer kept. */
const noticeDue = () => pwa.iosNotice || (pwa.offerInstall && pwa.installWorthwhile && pwa.installEvent !== null);

/**
 * Once per page load, when the server confirmed who is signed in (holding `roles`); `show` loads the
 * notices when one is due.
 */
export function afterSignIn(show: () => void, roles: string[]): void {
  if (started) return;
  started = true;
  $effect.root(() => {
    $effect(() => {
      if (noticeDue()) show();
    });
  });
  watchInstallPrompt();
  keepHomes(roles);
  precacheRestWhenIdle();
  // The person's reads and unsent changes live here: ask the browser not to evict them. Granted
  // or not, nothing to say (the iPhone notice below is the case that matters).
  void navigator.storage?.persist?.().catch(() => false);

  const loads = Number(stored(SIGNED_IN_LOADS) ?? 0) + 1;
  remember(SIGNED_IN_LOADS, String(loads));
  if (loads >= 2) pwa.installWorthwhile = true;
  pwa.offerInstall = stored(INSTALL_DISMISSED) === null;
  pwa.iosNotice = stored(IOS_NOTICE_DISMISSED) === null && iosSafariInBrowser();
}
