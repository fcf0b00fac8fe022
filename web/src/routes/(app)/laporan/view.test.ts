import { describe, expect, test } from "vitest";
import { drillHref, readView, viewHref, withFilters } from "./view.ts";

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
    expect(drillHref(v, { list: "applications", query: { step: "verification", overdue: "true" } })).toBe(
      "/permohonan?step=verification&overdue=true",
    );
    expect(drillHref(v, { list: "asesors", query: {} })).toBe("/balks/asesor");
  });
});
