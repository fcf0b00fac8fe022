import { describe, expect, it } from "vitest";
import {
  applicationPath,
  dinsosAdminPath,
  formulirCPath,
  kemensosPath,
  lksPath,
  pathOfOldLink,
  selfAssessmentPath,
} from "./app-paths.ts";

describe("app paths", () => {
  it("put the tenant in the path, each part URL-encoded", () => {
    expect(applicationPath("kota-tangerang", "app-1")).toBe("/t/kota-tangerang/permohonan/app-1");
    expect(lksPath("banten", "a b/c")).toBe("/t/banten/lks/a%20b%2Fc");
    expect(kemensosPath("balks", "k1")).toBe("/t/balks/kemensos/k1");
    expect(formulirCPath("t1", "a1")).toBe("/t/t1/permohonan/a1/formulir-c");
    expect(dinsosAdminPath("kota-tangerang", "pengguna")).toBe("/t/kota-tangerang/dinsos/pengguna");
    expect(dinsosAdminPath("a b", "alur-kerja")).toBe("/t/a%20b/dinsos/alur-kerja");
  });

  it("scroll the self-assessment to an element when asked", () => {
    expect(selfAssessmentPath("t1", "a1")).toBe("/t/t1/permohonan/a1/penilaian-mandiri");
    expect(selfAssessmentPath("t1", "a1", "ind-2-3")).toBe("/t/t1/permohonan/a1/penilaian-mandiri#ind-2-3");
  });
});

describe("old links (?t=)", () => {
  const old = (path: string) => pathOfOldLink(new URL(path, "https://akrab.test"));

  it("move the tenant into the path, keeping the rest of the query", () => {
    expect(old("/permohonan/a1?t=kota-tangerang")).toBe("/t/kota-tangerang/permohonan/a1");
    expect(old("/permohonan/a1/penilaian-mandiri?t=x&foo=1")).toBe("/t/x/permohonan/a1/penilaian-mandiri?foo=1");
    expect(old("/permohonan/a1/formulir-c?print=1&t=x")).toBe("/t/x/permohonan/a1/formulir-c?print=1");
    expect(old("/lks/l1?t=banten")).toBe("/t/banten/lks/l1");
    expect(old("/kemensos/k1?t=balks")).toBe("/t/balks/kemensos/k1");
    expect(old("/lks/l1?t=a%20b")).toBe("/t/a%20b/lks/l1");
  });

  it("leave every other path alone", () => {
    expect(old("/permohonan/a1")).toBeNull(); // no tenant: nothing to move
    expect(old("/permohonan?t=x")).toBeNull();
    expect(old("/permohonan/baru?t=x")).toBeNull();
    expect(old("/lks/baru?t=x")).toBeNull();
    expect(old("/t/x/permohonan/a1?t=y")).toBeNull();
    expect(old("/permohonan/a1/lain?t=x")).toBeNull();
    expect(old("/laporan?t=x")).toBeNull();
  });
});
