import type { Attachment } from "svelte/attachments";
import { mayFetch } from "#lib/data-saver/state.svelte.ts";

/**
 * An attachment that calls `load` once, when the element comes within `margin` of the viewport
 * (at once where IntersectionObserver is missing): for parts of a page below the fold whose code
 * need not be part of the page's first load. With data saver on, not ahead of time: only once the
 * element is on screen (the person may never scroll there).
 */
export function nearScreen(load: () => void, margin = "800px"): Attachment<HTMLElement> {
  return (element) => {
    if (typeof IntersectionObserver === "undefined") {
      load();
      return;
    }
    const ahead = mayFetch("prefetch") ? margin : "0px";
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        observer.disconnect();
        load();
      },
      { rootMargin: `${ahead} 0px` },
    );
    observer.observe(element);
    return () => observer.disconnect();
  };
}
