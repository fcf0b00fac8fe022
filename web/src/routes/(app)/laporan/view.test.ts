import { describe, expect, test } from "vitest";
import { drillHref, readView, reportQuery, viewHref, withFilters } from "./view.ts";

const read = (qs: string) => readView(new URLSearchParams(qs));

describe("the dashboard's view in its URL", () => {
  test("a shared link shows the same view: view, area, filters, measure and open list round-trip", () => {
    const href = "/laporan?view=pipeline&regency=36.71&lksType=LKSA&from=2026-01&to=2026-06&grade=B&measure=in_process";
    expect(viewHref(read(href.split("?")[1] ?? ""))).toBe(href);
    expect(viewHref(read(""))).toBe("/laporan");
  });

  test("a kab/kota implies its province; malformed values are left out", () => {
    const v = read("regency=36.71&province=32&grade=D&from=2026-13&lksType=<x>&view=nope&list=other");
    expect(v).toEqual({
      view: "coverage",
      filters: { regency: "36.71", province: "36" },
      measure: "accredited",
      list: null,
    });
  });

  test("changing a filter keeps the others and closes the open list; an empty value removes it", () => {
    const v = read("province=36&grade=A&list=lks");
    expect(viewHref(withFilters(v, { grade: "", lksType: "LKSA" }))).toBe("/laporan?province=36&lksType=LKSA");
  });

  test("a coverage figure opens its LKS on this page, with the view's filters; other lists open their pages", () => {
    const v = read("province=36&lksType=LKSA&grade=B");
    expect(drillHref(v, { list: "lks", query: { regency: "36.71" } }, { category: "accredited_b" })).toBe(
      "/laporan?regency=36.71&lksType=LKSA&grade=B&category=accredited_b&list=lks",
    );
    // The figure's own area wins over the view's (a province row in the country view).
    expect(drillHref(read("lksType=LKSA"), { list: "lks", query: { province: "32" } })).toBe(
      "/laporan?province=32&lksType=LKSA&list=lks",
    );
    expect(drillHref(v, { list: "asesors", query: {} })).toBe("/balks/asesor");
  });

  test("a pipeline or asesor figure opens its applications on this page, with exactly the figure's query", () => {
    const v = read("view=pipeline&province=36&lksType=LKSA&grade=B");
    const href = drillHref(v, {
      list: "applications",
      query: { province: "36", step: "kabkota_verification", overdue: "true", tenant: "kota-tangerang" },
    });
    expect(href).toBe(
      "/laporan?view=pipeline&province=36&list=applications&tenant=kota-tangerang&step=kabkota_verification&overdue=true",
    );
    // The link round-trips, and a filter change closes the list and forgets its query.
    const opened = read(href.split("?")[1] ?? "");
    expect(opened.listQuery).toEqual({ tenant: "kota-tangerang", step: "kabkota_verification", overdue: "true" });
    expect(viewHref(opened)).toBe(href);
    expect(viewHref(withFilters(opened, { lksType: "LKSA" }))).toBe("/laporan?view=pipeline&province=36&lksType=LKSA");
    // A malformed list value is left out.
    expect(read("list=applications&decidedMonth=2026-13&returned=yes&from=2026-01").listQuery).toEqual({});
  });
});

describe("the query the typed API client sends", () => {
  test("keeps the API's values and leaves out what its enums do not name", () => {
    const v = read("province=36&lksType=LKSA&grade=B&category=in_process&from=2026-01");
    expect(reportQuery(v.filters)).toEqual({
      province: "36",
      lksType: "LKSA",
      grade: "B",
      category: "in_process",
      from: "2026-01",
    });
    // The URL's patterns let these through; the API's enums do not name them.
    expect(reportQuery({ lksType: "LKS-XX", category: "someday" })).toEqual({});
  });

  test("carries a list's own query with the view's filters", () => {
    const v = read(
      "view=pipeline&list=applications&province=36&step=scoring&overdue=true&outcome=accredited&decidedMonth=2026-05",
    );
    expect(reportQuery(v.filters, v.listQuery)).toEqual({
      province: "36",
      step: "scoring",
      overdue: "true",
      outcome: "accredited",
      decidedMonth: "2026-05",
    });
  });
});
