/**
 * What the page and the service worker say to each other (both import these; the worker's bundle
 * is separate, so a typo here would otherwise be a message nobody answers).
 */
/** Page → waiting worker: take over now (the person chose to reload into the new build). */
export const SKIP_WAITING = "SKIP_WAITING";
/**
 * Page → worker, at once after a signed-in page load: keep the person's homes (each with its lazily
 * loaded parts) and the build files this page fetched, before the rest (see `PrecacheHome`).
 */
export const PRECACHE_HOME = "PRECACHE_HOME";
export interface PrecacheHome {
  /** The person's roles (the worker keeps the home `homeKind` gives each). */
  roles: string[];
  /** Paths of what the page fetched (the worker keeps those of its build's files only). */
  fetched: string[];
  /**
   * From the sign-in page, the home about to open: fetch each home's files in one request (its pack),
   * the home's own requests for them waiting on it, not each file on its own (see web/first-precache.ts).
   */
  packed?: boolean;
}
/** Page → worker: the person is signed in and the link is idle; fetch the rest of the shell. */
export const PRECACHE_REST = "PRECACHE_REST";
/** Worker → page: Background Sync fired; the page's loop sends the waiting changes. */
export const SYNC_OUTBOX = "SYNC_OUTBOX";
/** The Background Sync registration the outbox asks for when a change waits. */
export const OUTBOX_SYNC_TAG = "akrab-outbox";
