/**
 * First step of `npm test`: the end-to-end layer drives a real Chromium, and `npm ci && npm test`
 * must work on a machine that has only Node and npm. Finds Chromium; when it is missing, installs
 * Debian's package with apt-get (root on Debian/Ubuntu); otherwise fails with one line saying what
 * to install. Browsers that npm packages download at install time cannot be fetched here, so the
 * system package is the one dependable source.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { findChromium } from "../tests/support/chromium.ts";

function fail(message: string): never {
  console.error(`ensure-chromium: ${message}`);
  process.exit(1);
}

const found = findChromium();
if (found) process.exit(0);
if (process.env.CHROMIUM_PATH)
  fail(`CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist; point it at a Chromium binary`);

const canApt =
  process.platform === "linux" &&
  process.getuid?.() === 0 &&
  existsSync("/etc/debian_version") &&
  existsSync("/usr/bin/apt-get");
if (!canApt) {
  fail(
    "no Chromium found for the end-to-end tests: install it (Debian/Ubuntu: `sudo apt-get install -y chromium`) or set CHROMIUM_PATH",
  );
}

console.log(
  "ensure-chromium: no Chromium found; installing Debian's chromium with apt-get (about 30 s, once per machine)",
);
try {
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  execFileSync("apt-get", ["update", "-qq"], { stdio: ["ignore", "ignore", "inherit"], env });
  execFileSync("apt-get", ["install", "-y", "-qq", "chromium"], { stdio: ["ignore", "ignore", "inherit"], env });
} catch {
  fail("apt-get could not install chromium; install it by hand (`apt-get install -y chromium`) or set CHROMIUM_PATH");
}
if (!findChromium())
  fail("apt-get finished but no Chromium binary appeared; install `chromium` by hand or set CHROMIUM_PATH");
console.log(`ensure-chromium: installed ${findChromium()}`);
