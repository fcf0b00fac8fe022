/**
 * Data-saver mode on this device (part of every first load, so kept to a few lines): the
 * person's choice, remembered in localStorage; the browser's hint, followed while it changes.
 * The rule itself is `rule.ts`; the switch and the session meter load with `DataSaverPanel`.
 */
import { autoReason, mayFetchNow, saverOn, type ConnectionHints, type FetchKind, type SaverChoice } from "./rule.ts";

const CHOICE_KEY = "akrab.dataSaver";

type Connection = ConnectionHints & EventTarget;
const connection = (): Connection | undefined =>
  typeof navigator === "undefined" ? undefined : (navigator as Navigator & { connection?: Connection }).connection;

function readChoice(): SaverChoice {
  try {
    const stored = localStorage.getItem(CHOICE_KEY);
    return stored === "on" || stored === "off" ? stored : "auto";
  } catch {
    return "auto";
  }
}

export const saver = $state({ choice: readChoice(), reason: autoReason(connection()) });

connection()?.addEventListener?.("change", () => (saver.reason = autoReason(connection())));

export const saverIsOn = (): boolean => saverOn(saver.choice, saver.reason);

/** May this be fetched now? `asked`: the person pressed "Tampilkan gambar" for it. */
export const mayFetch = (kind: FetchKind, asked = false): boolean => mayFetchNow(kind, saverIsOn(), asked);

export function chooseSaver(choice: SaverChoice): void {
  saver.choice = choice;
  try {
    if (choice === "auto") localStorage.removeItem(CHOICE_KEY);
    else localStorage.setItem(CHOICE_KEY, choice);
  } catch {
    // private mode: the choice lasts for this tab
  }
}

/**
 * The session data meter ("Sesi ini: 412 KB"): the bytes this tab transferred, from Resource
 * Timing (`transferSize`: headers and body as received, 0 for what came from the device's cache)
 * plus the file bytes the upload queue sent (Resource Timing counts answers, not request bodies).
 * A reload starts a new document: what the earlier ones moved is kept in sessionStorage (per tab).
 */
const SESSION_KEY = "akrab.sessionBytes";
export const uploadBytes = $state({ sent: 0 });

function earlierBytes(): number {
  try {
    return Number(sessionStorage.getItem(SESSION_KEY)) || 0;
  } catch {
    return 0;
  }
}
const earlier = earlierBytes();

function documentBytes(): number {
  let bytes = 0;
  for (const type of ["navigation", "resource"])
    for (const entry of performance.getEntriesByType(type))
      bytes += (entry as PerformanceResourceTiming).transferSize || 0;
  return bytes;
}

export const sessionBytes = (): number => earlier + documentBytes() + uploadBytes.sent;

if (typeof window !== "undefined") {
  // A long session outgrows the default 250 entries; the meter sums them all.
  performance.setResourceTimingBufferSize?.(5000);
  addEventListener("pagehide", () => {
    try {
      sessionStorage.setItem(SESSION_KEY, String(sessionBytes()));
    } catch {
      // no storage: the meter counts this page only
    }
  });
}
