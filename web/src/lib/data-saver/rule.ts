/**
 * Data-saver mode, the rule (pure; unit-tested): whether it is on, and whether something may be
 * fetched now. Every part of the app that fetches more than the text of a page asks `mayFetch`
 * (`state.svelte.ts`) instead of reading `navigator.connection` itself.
 */

/** The person's choice on this device: follow the browser ("auto"), or always on / off. */
export type SaverChoice = "auto" | "on" | "off";
/** Why "auto" is on: the browser asks to save data (Save-Data), or the link is 2G. */
export type AutoReason = "save-data" | "slow-network" | null;

/** What `navigator.connection` tells (Chromium; Safari and Firefox tell nothing: auto stays off). */
export interface ConnectionHints {
  saveData?: boolean;
  effectiveType?: string;
}

export function autoReason(connection: ConnectionHints | undefined): AutoReason {
  if (connection?.saveData === true) return "save-data";
  if (connection?.effectiveType === "2g" || connection?.effectiveType === "slow-2g") return "slow-network";
  return null;
}

export const saverOn = (choice: SaverChoice, reason: AutoReason): boolean =>
  choice === "on" || (choice === "auto" && reason !== null);

/**
 * - image: a picture of someone's content (a document's thumbnail, a photo, a logo): with data
 *   saver on, only once the person asked for it;
 * - prefetch: code or data for what is not on screen yet (parts of a page loaded as they come near):
 *   with data saver on, only once it is actually on screen;
 * - precache: the service worker filling its cache for pages not yet opened: not with data saver on.
 */
export type FetchKind = "image" | "prefetch" | "precache";

export function mayFetchNow(kind: FetchKind, on: boolean, asked = false): boolean {
  if (!on) return true;
  return kind === "image" ? asked : false;
}
