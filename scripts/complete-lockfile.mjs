/**
 * The npm registry this project's machines use serves only the Linux builds of workerd, so npm
 * leaves the macOS and Windows builds out of package-lock.json, and `npm ci` then refuses the
 * lock as out of sync. This adds the entries npm would have written against the public registry
 * (optional, os/cpu-restricted, skipped on Linux). Run after any `npm install` that rewrites the
 * lock: `node scripts/complete-lockfile.mjs`. Plain JavaScript so it runs on the machine's Node.
 */
import { readFileSync, writeFileSync } from "node:fs";

const path = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(readFileSync(path, "utf8"));
const OTHER_PLATFORMS = [
  ["workerd-darwin-64", "darwin", "x64"],
  ["workerd-darwin-arm64", "darwin", "arm64"],
  ["workerd-windows-64", "win32", "x64"],
];

let added = 0;
for (const [key, entry] of Object.entries(lock.packages)) {
  const prefix = key.match(/^(.*node_modules\/)@cloudflare\/workerd-linux-64$/)?.[1];
  if (prefix === undefined) continue;
  for (const [name, os, cpu] of OTHER_PLATFORMS) {
    const sibling = `${prefix}@cloudflare/${name}`;
    if (lock.packages[sibling]) continue;
    lock.packages[sibling] = {
      version: entry.version,
      cpu: [cpu],
      dev: true,
      license: entry.license,
      optional: true,
      os: [os],
      engines: entry.engines,
    };
    added++;
  }
}
if (added > 0) {
  // npm keeps the root entry first and the rest in locale order.
  lock.packages = Object.fromEntries(
    Object.entries(lock.packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b, "en"))),
  );
  writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
}
console.log(`complete-lockfile: ${added} platform entries added`);
