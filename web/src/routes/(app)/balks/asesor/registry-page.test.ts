import { describe, expect, it } from "vitest";
import { registryQuery } from "./registry-query.ts";

/**
 * The registry list pages by cursor like the other lists: the first page is read with the URL's
 * filters and a page size of 50, and "Muat lagi" asks for the rest with the same query (it used to
 * ask for the first 100 and stop there).
 */
describe("the asesor registry's query", () => {
  it("a page of 50 with the URL's filters; values outside the API's lists are left out", () => {
    const { filters, query } = registryQuery(
      new URL("https://akrab.test/balks/asesor?province=36&lksType=LKSA&active=true"),
    );
    expect(query).toEqual({ q: undefined, province: "36", lksType: "LKSA", active: "true", limit: 50 });
    expect(filters).toEqual({ q: "", province: "36", lksType: "LKSA", active: "true" });
    const odd = registryQuery(new URL("https://akrab.test/balks/asesor?lksType=NOPE&active=maybe&q=Rina"));
    expect(odd.query).toEqual({ q: "Rina", province: undefined, lksType: undefined, active: undefined, limit: 50 });
  });
});
