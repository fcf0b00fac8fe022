/**
 * The session data meter ("Sesi ini: 412 KB"), loaded with the data-saver panel and the upload
 * queue (not with a first load): the bytes this tab transferred, from Resource Timing
 * (`transferSize`: headers and body as received, 0 for what came from the device's cache; earlier
 * entries of the page are in the browser's buffer) plus the file bytes the upload queue sent
 * (Resource Timing counts answers, not request bodies). A reload starts a new document: what the
 * earlier ones moved is kept in sessionStorage (per tab) when the meter was loaded there, which it
 * always is while data saver is on.
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
