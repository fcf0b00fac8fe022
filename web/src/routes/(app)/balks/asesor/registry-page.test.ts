import { describe, expect, it } from "vitest";
import { load } from "./+page.ts";

/**
 * The registry list pages by cursor like the other lists: the first page carries the cursor of
 * the next one and the filters it was read with, so "Muat lagi" asks for the rest with the same
 * filters (it used to ask for the first 100 and stop there).
 */
describe("the asesor registry's load", () => {
  it("reads a page of 50 and hands on the next page's cursor with the filters", async () => {
    const asked: URL[] = [];
    const fetch = async (input: RequestInfo | URL) => {
      asked.push(new URL(String(input instanceof Request ? input.url : input), "https://akrab.test"));
      return new Response(JSON.stringify({ items: [], nextCursor: "next-page" }), {
        headers: { "content-type": "application/json" },
      });
    };
    const url = new URL("https://akrab.test/balks/asesor?province=36&lksType=LKSA&active=true");
    const data = (await load({ fetch, url } as unknown as Parameters<typeof load>[0])) as {
      nextCursor: string | null;
      query: Record<string, unknown>;
    };
    expect(asked).toHaveLength(1);
    expect(asked[0]?.pathname).toBe("/api/v1/national/asesors");
    expect(Object.fromEntries(asked[0]?.searchParams ?? [])).toEqual({
      province: "36",
      lksType: "LKSA",
      active: "true",
      limit: "50",
    });
    expect(data.nextCursor).toBe("next-page");
    expect(data.query).toMatchObject({ province: "36", lksType: "LKSA", active: "true" });
  });
});
