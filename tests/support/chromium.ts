/**
 * The one place that knows where Chromium lives and how to start it here: the e2e tests, the
 * bench and `scripts/ensure-chromium.ts` (which provisions it for `npm test`) all ask this module.
 */
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

/** Where Debian, Ubuntu and Google's packages put the binary; `CHROMIUM_PATH` overrides. */
const CHROMIUM_CANDIDATES = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome-stable",
  "/usr/bin/google-chrome",
];

export function findChromium(): string | undefined {
  const override = process.env.CHROMIUM_PATH;
  if (override) return existsSync(override) ? override : undefined;
  return CHROMIUM_CANDIDATES.find((path) => existsSync(path));
}

/**
 * Headless and sandbox-free (tests run as root in CI); background networking off because this
 * machine's closed network refuses Chromium's own calls home, many at a time.
 */
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-quic",
  "--no-first-run",
  "--disable-component-update",
  "--disable-sync",
];

export function launchChromium(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error("Chromium not found: run `npm run setup:chromium` (or set CHROMIUM_PATH)");
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}
