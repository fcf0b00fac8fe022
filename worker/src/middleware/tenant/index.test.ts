import { createDb } from "@akrab/db";
import { env } from "cloudflare:workers";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { api, expectProblem, login } from "../../../../tests/worker/helpers.ts";
import type { AppEnv } from "../../env.ts";
import { countRoundTrips } from "../../lib/d1-round-trips.ts";
import { authenticate } from "../auth/index.ts";
import { onError } from "../problem/index.ts";
import { tenant } from "./index.ts";

/** The middleware on its own, with a handler that reports what it was handed. */
function appWith(options: { prefetch: boolean }) {
  const app = new Hono<AppEnv>();
  let counter: ReturnType<typeof countRoundTrips>;
  app.use("*", async (c, next) => {
    counter = countRoundTrips(c.env.DB);
    c.set("db", createDb(counter.db));
    await next();
  });
  app.use("*", authenticate());
  if (!options.prefetch) {
    app.use("*", async (c, next) => {
      c.set("tenantLookup", undefined);
      await next();
    });
  }
  app.use("/api/v1/t/:tenant/*", tenant());
  app.get("/api/v1/t/:tenant/probe", async (c) => {
    const before = counter.count();
    const lks = await c.get("scope").lks.list({}, { limit: 50 }, "2026-01-01");
    return c.json({ before, readable: c.get("scope").readableTenantIds.length, lks: lks!.items.map((l) => l.name) });
  });
  app.onError(onError);
  return app;
}

const probe = (app: Hono<AppEnv>, slug: string, token: string) =>
  app.request(`/api/v1/t/${slug}/probe`, { headers: { authorization: `Bearer ${token}` } }, env);

describe("tenant", () => {
  it("uses the tenant fetched with the principal (no round trip of its own), or looks it up when mounted alone", async () => {
    const { token } = await login("dinsos.banten@akrab.test");
    const fused = (await (await probe(appWith({ prefetch: true }), "prov-banten", token)).json()) as {
      before: number;
      readable: number;
    };
    const alone = (await (await probe(appWith({ prefetch: false }), "prov-banten", token)).json()) as {
      before: number;
      readable: number;
    };
    expect(fused).toMatchObject({ before: 1, readable: 4 }); // Banten + Kota Tangerang, Pandeglang, Lebak
    expect(alone).toMatchObject({ before: 3, readable: 4 }); // principal, tenant, kab/kota
  });

  it("holds an LKS operator to its own LKS inside the scope", async () => {
    const { token } = await login("lks@akrab.test");
    const body = (await (await probe(appWith({ prefetch: true }), "kota-tangerang", token)).json()) as {
      lks: string[];
    };
    expect(body.lks).toEqual(["Panti Asuhan Kasih Bunda"]);
    const staff = await login("dinsos.kota-tangerang@akrab.test");
    const all = (await (await probe(appWith({ prefetch: true }), "kota-tangerang", staff.token)).json()) as {
      lks: string[];
    };
    expect(all.lks.length).toBeGreaterThan(1);
  });

  it("answers 404 for a tenant the caller cannot reach and for a deactivated one", async () => {
    const { token } = await login("dinsos.lebak@akrab.test");
    await expectProblem(await probe(appWith({ prefetch: true }), "kota-tangerang", token), 404, "not-found");
    await env.DB.prepare("UPDATE tenants SET status = 'deactivated' WHERE slug = 'kab-batang'").run();
    const batang = await login("viewer@akrab.test"); // a national reader reaches every active tenant
    await expectProblem(await probe(appWith({ prefetch: true }), "kab-batang", batang.token), 404, "not-found");
    expect((await probe(appWith({ prefetch: true }), "kab-lebak", batang.token)).status).toBe(200);
    await env.DB.prepare("UPDATE tenants SET status = 'active' WHERE slug = 'kab-batang'").run();
  });

  it("answers 404, before any role check, to an operator naming another LKS's object", async () => {
    const { token } = await login("lks@akrab.test");
    const other = await env.DB.prepare("SELECT id FROM lks WHERE name = 'Panti Werdha Sejahtera Cipondoh'").first<{
      id: string;
    }>();
    // verify needs a verifier's role (403 for the operator's own LKS); another LKS's is simply missing.
    await expectProblem(
      await api(`/api/v1/t/kota-tangerang/lks/${other!.id}/verify`, { method: "POST", token, json: {} }),
      404,
      "not-found",
    );
  });
});
