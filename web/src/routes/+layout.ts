// A pure single-page app: the Worker serves build/index.html for every path and the
// browser renders everything. No SSR, nothing prerendered (data needs a session).
export const ssr = false;
export const prerender = false;
export const trailingSlash = "never";
