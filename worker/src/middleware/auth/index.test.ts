import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { api, login } from "../../../../tests/worker/helpers.ts";
import { tenantSlugOf } from "./index.ts";

/** D1 round trips a development answer reports in `Server-Timing: d1;…;dur=N`. */
function roundTrips(res: Response): number {
  const match = res.headers.get("server-timing")?.match(/d1;desc="round trips";dur=(\d+)/);
  if (!match) throw new Error(`no D1 round trips in Server-Timing: ${res.headers.get("server-timing")}`);
  return Number(match[1]);
}

describe("authenticate", () => {
  it("reaches a tenant handler after one D1 round trip: principal, tenant and kab/kota in one batch", async () => {
    const { token } = await login("dinsos.banten@akrab.test"); // a province: its kab/kota come along
    const list = await api("/api/v1/t/prov-banten/lks", { token });
    expect(list.status).toBe(200);
    expect(roundTrips(list)).toBe(2); // one before the handler, the list itself
    const health = await api("/api/health");
    expect(roundTrips(health)).toBeLessThanOrEqual(1);
  });

  it("reads the session row on every request, so a revoked session stops at once", async () => {
    const { token } = await login("dinsos.lebak@akrab.test");
    expect((await api("/api/v1/t/kab-lebak/lks", { token })).status).toBe(200);
    await env.DB.prepare(
      "UPDATE sessions SET revoked_at = ?1 WHERE revoked_at IS NULL AND user_id = (SELECT id FROM users WHERE email = ?2)",
    )
      .bind(new Date().toISOString(), "dinsos.lebak@akrab.test")
      .run();
    expect((await api("/api/v1/t/kab-lebak/lks", { token })).status).toBe(401);
  });

  it("fetches the tenant only on tenant paths", () => {
    expect(tenantSlugOf("/api/v1/t/kota-tangerang/lks")).toBe("kota-tangerang");
    expect(tenantSlugOf("/api/v1/t/kota-tangerang")).toBe("kota-tangerang");
    expect(tenantSlugOf("/api/v1/national/tenants")).toBeNull();
    expect(tenantSlugOf("/api/v1/t/%E0%A4%A/lks")).toBeNull(); // not decodable: the route 404s later
  });
});
