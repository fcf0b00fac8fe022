import { createDb } from "@akrab/db";
import { env } from "cloudflare:workers";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { expectProblem, login } from "../../../../tests/worker/helpers.ts";
import type { AppEnv } from "../../env.ts";
import { authenticate } from "../auth/index.ts";
import { onError } from "../problem/index.ts";
import { national } from "./index.ts";

function appWith() {
  const app = new Hono<AppEnv>();
  app.use("*", async (c, next) => {
    c.set("db", createDb(c.env.DB));
    await next();
  });
  app.use("*", authenticate());
  app.get("/read", national({ roles: ["platform_admin", "national_viewer"] }), (c) => {
    const scope = c.get("national");
    return c.json({ roles: scope.roles, writes: "write" in scope });
  });
  app.post("/write", national({ roles: ["platform_admin"], write: true }), (c) =>
    c.json({ writes: typeof c.get("national").write.setTenantStatus }),
  );
  app.onError(onError);
  return app;
}

const call = async (path: string, token?: string) =>
  appWith().request(
    path,
    { method: path === "/write" ? "POST" : "GET", headers: token ? { authorization: `Bearer ${token}` } : {} },
    env,
  );

describe("national", () => {
  it("hands a national role holder a read-only scope naming the roles it holds", async () => {
    const { token } = await login("viewer@akrab.test");
    expect(await (await call("/read", token)).json()).toEqual({ roles: ["national_viewer"], writes: false });
  });

  it("grants writes only on a route that asks for them", async () => {
    const { token } = await login("admin@akrab.test");
    expect(await (await call("/read", token)).json()).toEqual({ roles: ["platform_admin"], writes: false });
    expect(await (await call("/write", token)).json()).toEqual({ writes: "function" });
  });

  it("answers 404 to anyone without the role (a Dinsos admin, another national role) and 401 to nobody", async () => {
    await expectProblem(await call("/read", (await login("dinsos.kota-tangerang@akrab.test")).token), 404, "not-found");
    await expectProblem(await call("/write", (await login("viewer@akrab.test")).token), 404, "not-found");
    await expectProblem(await call("/read"), 401, "unauthenticated");
  });
});
