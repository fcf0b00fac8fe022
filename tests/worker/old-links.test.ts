import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { ORIGIN } from "./helpers.ts";

const get = (path: string) => exports.default.fetch(new Request(`${ORIGIN}${path}`, { redirect: "manual" }));

describe("links of the web app from before the tenant was in its path", () => {
  it.each([
    ["/permohonan/app-1?t=kota-tangerang", "/t/kota-tangerang/permohonan/app-1"],
    ["/permohonan/app-1/penilaian-mandiri?t=kota-tangerang", "/t/kota-tangerang/permohonan/app-1/penilaian-mandiri"],
    ["/permohonan/app-1/formulir-c?t=kab-batang&cetak=1", "/t/kab-batang/permohonan/app-1/formulir-c?cetak=1"],
    ["/lks/lks-1?t=kota-tangerang", "/t/kota-tangerang/lks/lks-1"],
    ["/kemensos/lks-2?t=balks", "/t/balks/kemensos/lks-2"],
  ])("%s: a permanent redirect to %s, the rest of the query kept", async (old, now) => {
    const res = await get(old);
    expect(res.status).toBe(301);
    const location = new URL(res.headers.get("location")!, ORIGIN);
    expect(location.origin).toBe(ORIGIN);
    expect(location.pathname + location.search).toBe(now);
  });

  it.each(["/permohonan/baru?t=kota-tangerang", "/lks/baru", "/permohonan/app-1"])(
    "%s is the app's own page: its shell, not redirected",
    async (path) => {
      const res = await get(path);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toContain("text/html");
      expect(await res.text()).toContain("__sveltekit");
    },
  );
});
