/**
 * Runs background work (resuming stored uploads, the device's install and precache part) once the
 * page's own loads are over: after the document's `load` and then 1.5 s in which no script, style,
 * image or API answer arrived. A fixed delay would, on a 2G link or a busy phone, fire while the
 * page is still fetching what it shows, and share the link with it. At most 15 s late: a page that
 * keeps fetching never holds it back for good. Returns a cancel (e.g. an effect's cleanup).
 */
export function afterPageLoad(run: () => void): () => void {
  let quiet: ReturnType<typeof setTimeout> | undefined;
  let done = false;
  const observer = new PerformanceObserver(() => rearm());
  const rearm = () => {
    clearTimeout(quiet);
    if (!done) quiet = setTimeout(fire, 1500);
  };
  const latest = setTimeout(fire, 15_000);
  function fire() {
    stop();
    run();
  }
  function stop() {
    done = true;
    clearTimeout(quiet);
    clearTimeout(latest);
    observer.disconnect();
    removeEventListener("load", start);
  }
  function start() {
    rearm();
    observer.observe({ type: "resource" });
  }
  if (document.readyState === "complete") start();
  else addEventListener("load", start, { once: true });
  return stop;
}
