/**
 * `npx tsx scripts/generate-icons.ts`: renders the app's icons for the web manifest from
 * web/static/favicon.svg in Chromium (run once; the PNGs are committed, so a build needs no browser).
 * - icon-192.png, icon-512.png: the favicon as it is (rounded square, transparent corners);
 * - maskable-512.png: full-bleed background with the mark inside the central safe zone (a circle of
 *   80% of the size), for launchers that cut the icon to a circle or a squircle.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { launchChromium } from "../tests/support/chromium.ts";

const STATIC = fileURLToPath(new URL("../web/static/", import.meta.url));
const favicon = readFileSync(`${STATIC}favicon.svg`, "utf8");
const background = /<rect[^>]*fill="([^"]+)"/.exec(favicon)?.[1];
const mark = /<path[^>]*\/>/.exec(favicon)?.[0];
if (!background || !mark) throw new Error("generate-icons: favicon.svg has no background rect or mark path");
// The mark spans about 15 of 32 units; scaled by 0.9 around the centre, its corners lie at about 72% of
// the safe zone's radius (a launcher's circle crop never touches it).
const maskable =
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" fill="${background}"/>` +
  `<g transform="translate(16 16) scale(0.9) translate(-16 -15.5)">${mark}</g></svg>`;

const icons: [file: string, svg: string, size: number][] = [
  ["icon-192.png", favicon, 192],
  ["icon-512.png", favicon, 512],
  ["maskable-512.png", maskable, 512],
];

const browser = await launchChromium();
try {
  for (const [file, svg, size] of icons) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}img{display:block}</style><img src="${src}" width="${size}" height="${size}">`,
    );
    await page.locator("img").evaluate((img: HTMLImageElement) => img.decode());
    await page.screenshot({ path: `${STATIC}icons/${file}`, omitBackground: true });
    await page.close();
    console.info(`web/static/icons/${file}`);
  }
} finally {
  await browser.close();
}
