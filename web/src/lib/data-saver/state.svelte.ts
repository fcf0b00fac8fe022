/**
 * Data-saver mode on this device (part of every first load, so kept to a few lines): the
 * person's choice, remembered in localStorage; the browser's hint as the page loaded (a link that
 * turns 2G mid-page is followed from the next page load: listening for it costs every first load).
 * The rule itself is `rule.ts`; the switch and the session meter (`meter.svelte.ts`) load with `DataSaverPanel`.
 */
import { autoReason, mayFetchNow, saverOn, type ConnectionHints, type FetchKind, type SaverChoice } from "./rule.ts";

export const CHOICE_KEY = "akrab.dataSaver";

const connection = (): ConnectionHints | undefined =>
  typeof navigator === "undefined" ? undefined : (navigator as Navigator & { connection?: ConnectionHints }).connection;

function readChoice(): SaverChoice {
  try {
    const stored = localStorage.getItem(CHOICE_KEY);
    return stored === "on" || stored === "off" ? stored : "auto";
  } catch {
    return "auto";
  }
}

export const saver = $state({ choice: readChoice(), reason: autoReason(connection()) });

export const saverIsOn = (): boolean => saverOn(saver.choice, saver.reason);

/** May this be fetched now? `asked`: the person pressed "Tampilkan gambar" for it. */
export const mayFetch = (kind: FetchKind, asked = false): boolean => mayFetchNow(kind, saverIsOn(), asked);

/** How far ahead of the screen `nearScreen` loads a part of a page: with data saver on, not ahead at all. */
export const aheadMargin = (): string => (mayFetch("prefetch") ? "800px" : "0px");
