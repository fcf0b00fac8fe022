/**
 * What the page and the service worker say to each other (both import these; the worker's bundle
 * is separate, so a typo here would otherwise be a message nobody answers).
 */
/** Page → waiting worker: take over now (the person chose to reload into the new build). */
export const SKIP_WAITING = "SKIP_WAITING";
/** Page → worker: the person is signed in and the link is idle; fetch the rest of the shell. */
export const PRECACHE_REST = "PRECACHE_REST";
/** Worker → page: Background Sync fired; the page's loop sends the waiting changes. */
export const SYNC_OUTBOX = "SYNC_OUTBOX";
/** The Background Sync registration the outbox asks for when a change waits. */
export const OUTBOX_SYNC_TAG = "akrab-outbox";
