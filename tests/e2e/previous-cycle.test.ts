/**
 * The decider's "last cycle" table (issue 14, re-accreditation): a renewal at BALKS's decision
 * whose LKS was certified before (fixtures/previous-cycle.sql) shows, per indicator, the team's
 * reconciled level last cycle and now and which way it moved, followed across the 2012 → 2025
 * instruments' renumbering. On a 360 px phone the table stays within the screen; on a desktop too.
 */
import type { Browser, Locator } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { launch, login, open, overflowsHorizontally } from "./helpers.ts";

const PHONE = { width: 360, height: 780 };
const DESKTOP = { width: 1280, height: 900 };
const PAGE = "/balks/tim/kab-pandeglang/e2e0p014-0000-4000-8000-000000000002";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** The table's rows by their header (the indicator's code as shown): [last cycle, now, change]. */
async function rows(table: Locator): Promise<Record<string, string[]>> {
  const clean = (t: string) => t.replace(/\s+/g, " ").trim();
  const out: Record<string, string[]> = {};
  for (const tr of await table.locator("tbody tr").all())
    out[clean(await tr.locator("th").innerText())] = (await tr.locator("td").allTextContents()).map(clean);
  return out;
}

describe("the decision page beside the last cycle", () => {
  for (const [name, viewport] of [
    ["360", PHONE],
    ["desktop", DESKTOP],
  ] as const) {
    test(`the decider sees each indicator's reconciled level last cycle and now, with the change (${name})`, async () => {
      const decider = await open(browser, viewport);
      await login(decider.page, "balks@akrab.test");
      await decider.page.goto(PAGE);
      const previous = decider.page.getByTestId("dc-previous");
      const table = previous.getByTestId("dc-previous-levels");
      await table.waitFor();
      expect(await previous.getByRole("link", { name: "Buka permohonan siklus sebelumnya" }).getAttribute("href")).toBe(
        "/t/kab-pandeglang/permohonan/e2e0p014-0000-4000-8000-000000000001",
      );
      const levels = await rows(table);
      expect(levels["1.1.1"]).toEqual(["1", "3", "↑ naik"]);
      // 2.4.1 of the 2012 instrument is 2.4.2 in 2025: one row, named by both codes.
      expect(levels["2.4.2 (2.4.1)"], JSON.stringify(levels)).toEqual(["3", "2", "↓ turun"]);
      expect(levels["3.1.1"]).toEqual(["2", "2", "= tetap"]);
      // Indicators the team scored in neither cycle are left out: no row of dashes.
      expect(Object.keys(levels)).toEqual(["1.1.1", "2.4.2 (2.4.1)", "3.1.1"]);
      await table.scrollIntoViewIfNeeded();
      expect(await overflowsHorizontally(decider.page)).toBe(false);
      const tableBox = (await table.boundingBox())!;
      expect(tableBox.x + tableBox.width).toBeLessThanOrEqual(viewport.width);
      // The table fits as it is: its scroller (a safety net) has nothing to scroll.
      expect(await table.evaluate((t) => t.parentElement!.scrollWidth <= t.parentElement!.clientWidth)).toBe(true);
      await previous.screenshot({ path: shotPath(`previous-cycle-${name}`) });
      expect(decider.cspViolations).toEqual([]);
      expect(decider.pageErrors).toEqual([]);
      await decider.context.close();
    });
  }
});

const shotPath = (name: string) => new URL(`./screenshots/${name}.png`, import.meta.url).pathname;
