import type { Attachment } from "svelte/attachments";

/**
 * An attachment that calls `load` once, when the element comes within `margin` of the viewport
 * (at once where IntersectionObserver is missing): for parts of a page below the fold whose code
 * need not be part of the page's first load.
 */
export function nearScreen(load: () => void, margin = "800px"): Attachment<HTMLElement> {
  return (element) => {
    if (typeof IntersectionObserver === "undefined") {
      load();
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        observer.disconnect();
        load();
      },
      { rootMargin: `${margin} 0px` },
    );
    observer.observe(element);
    return () => observer.disconnect();
  };
}
