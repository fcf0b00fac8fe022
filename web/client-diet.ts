import { fileURLToPath } from "node:url";
import type { Plugin } from "vite";

const DEVALUE_LITE = fileURLToPath(new URL("./src/lib/devalue-lite.ts", import.meta.url));
const SEP = String.raw`[\\/]`;
const KIT_TRANSPORT = new RegExp(
  `@sveltejs${SEP}kit${SEP}src${SEP}runtime${SEP}app${SEP}internal${SEP}transport\\.js$`,
);
const SVELTE_CUSTOM_ELEMENT = new RegExp(
  `${SEP}svelte${SEP}src${SEP}internal${SEP}client${SEP}dom${SEP}elements${SEP}custom-element\\.js$`,
);
const KIT_CLIENT = new RegExp(`@sveltejs${SEP}kit${SEP}src${SEP}runtime${SEP}client${SEP}client\\.js$`);
/** transport.js's one use of `uneval` (in init_transport); the exported `uneval` keeps its throwing default. */
const UNEVAL_ASSIGNMENT = "uneval = (data) => devalue.uneval(data, replacer);";

/**
 * Dead weight of every page's first load, taken out of the client build only (the server build,
 * which writes the fallback page, keeps everything): what Svelte's and SvelteKit's client runtime
 * carries for features this app does not use. Each step fails the build when the code it expects
 * is no longer there, so an upgrade cannot silently put the weight back or break the shortcut.
 *
 * - `devalue` (SvelteKit's serialiser: 9.6 KB gzip) resolves to src/lib/devalue-lite.ts, which
 *   writes and reads the same format for plain values (see there why nothing else reaches it).
 * - SvelteKit's `init_transport` prepares `uneval` for server rendering (writing data into HTML); the
 *   client never calls it, but the assignment kept devalue's `uneval` (3.5 KB gzip) in.
 * - Svelte's custom-element support defines its element class at the module's top level (a side
 *   effect to a bundler), which kept it and the legacy class-component API it imports (2.3 KB gzip)
 *   in every page; no component here is a custom element.
 */
export function clientDietPlugin(): Plugin {
  const seen = new Set<string>();
  return {
    name: "akrab-client-diet",
    apply: "build",
    enforce: "pre",
    applyToEnvironment: (environment) => environment.config.consumer === "client",
    buildStart() {
      seen.clear();
    },
    resolveId(source) {
      if (source !== "devalue") return null;
      seen.add("devalue");
      return DEVALUE_LITE;
    },
    transform(code, id) {
      if (KIT_CLIENT.test(id)) seen.add("kit");
      if (KIT_TRANSPORT.test(id)) {
        if (!code.includes(UNEVAL_ASSIGNMENT)) {
          throw new Error(`akrab-client-diet: "${UNEVAL_ASSIGNMENT}" not found in ${id}; update web/client-diet.ts`);
        }
        seen.add("transport");
        return { code: code.replace(UNEVAL_ASSIGNMENT, ""), map: null };
      }
      if (SVELTE_CUSTOM_ELEMENT.test(id)) {
        if (!code.includes("SvelteElement = class extends HTMLElement")) {
          throw new Error(
            `akrab-client-diet: Svelte's custom element class not found in ${id}; update web/client-diet.ts`,
          );
        }
        seen.add("custom-element");
        return { code, map: null, moduleSideEffects: false };
      }
      return null;
    },
    buildEnd(error) {
      // Only the app's bundle holds SvelteKit's client (not the service worker's, nor the sign-in page's).
      if (error || !seen.has("kit")) return;
      const missing = ["devalue", "transport", "custom-element"].filter((step) => !seen.has(step));
      // A step that found nothing to do means the runtime changed shape: look again rather than ship blind.
      if (missing.length > 0)
        throw new Error(`akrab-client-diet: never met ${missing.join(", ")}; update web/client-diet.ts`);
    },
  };
}
