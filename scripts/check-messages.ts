/**
 * The web's message catalogues stay honest: Bahasa Indonesia and English name the same keys, and
 * every key is used by the web's source (knip cannot see Paraglide's `m.key()` calls). Part of
 * `npm run lint`; exits 1 naming what is off.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const WEB = fileURLToPath(new URL("../web/", import.meta.url));
const catalogue = (lang: string) =>
  Object.keys(JSON.parse(readFileSync(join(WEB, "messages", `${lang}.json`), "utf8"))).filter(
    (k) => !k.startsWith("$"),
  );

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "paraglide" ? [] : sources(path);
    return /\.(ts|svelte)$/.test(entry.name) ? [readFileSync(path, "utf8")] : [];
  });
}

const id = catalogue("id");
const en = new Set(catalogue("en"));
const code = sources(join(WEB, "src")).join("\n");
const problems = [
  ...id.filter((key) => !en.has(key)).map((key) => `${key}: in id.json only`),
  ...[...en].filter((key) => !id.includes(key)).map((key) => `${key}: in en.json only`),
  ...id.filter((key) => !new RegExp(`\\bm\\.${key}\\b`).test(code)).map((key) => `${key}: used nowhere in web/src`),
];
if (problems.length > 0) {
  console.error(`check-messages: ${problems.length} message key(s) to fix:\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
console.log(`check-messages: ${id.length} keys, the same in id and en, all used`);
