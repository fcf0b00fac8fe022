import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { createApp } from "../../worker/src/app.ts";
import { api, expectProblem } from "./helpers.ts";

describe("API foundation", () => {
  it("answers health with version info and a request id", async () => {
    const res = await api("/api/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok", apiVersion: "v1" });
    expect(res.headers.get("x-request-id")).toMatch(/^[\w-]{8,}$/);
  });

  it("sets security headers on API responses", async () => {
    const res = await api("/api/health");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
  });

  it("publishes an OpenAPI 3.1 document generated from the schemas, and a readable reference", async () => {
    const doc = (await (await api("/api/openapi.json")).json()) as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
      components: { schemas: Record<string, unknown> };
    };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/api/v1/auth/login",
        "/api/v1/t/{tenant}/lks",
        "/api/health",
        "/api/v1/t/{tenant}/uploads/{uploadId}",
        "/api/v1/t/{tenant}/documents/{documentId}/content",
        "/api/v1/public/lks-registrations",
      ]),
    );
    expect(Object.keys(doc.paths["/api/v1/t/{tenant}/uploads"]!)).toEqual(expect.arrayContaining(["options", "post"]));
    expect(Object.keys(doc.paths["/api/v1/t/{tenant}/uploads/{uploadId}"]!)).toEqual(
      expect.arrayContaining(["get", "patch", "delete"]),
    );
    expect(doc.components.schemas).toHaveProperty("Problem");
    expect(doc.components.schemas).toHaveProperty("LoginRequest");

    const page = await api("/api/docs");
    expect(page.headers.get("content-type")).toMatch(/text\/html/);
    const html = await page.text();
    expect(html).toContain("/api/v1/t/{tenant}/lks");
    expect(html).toContain("Sign in with email and password");
  });

  it("answers unknown routes with a 404 problem", async () => {
    const body = await expectProblem(await api("/api/v1/nothing-here"), 404, "not-found");
    expect(body).toMatchObject({ instance: "/api/v1/nothing-here" });
  });

  it("lists every offending field of an invalid body", async () => {
    const body = await expectProblem(
      await api("/api/v1/auth/login", { method: "POST", json: { email: "not-an-email", password: "" } }),
      400,
      "validation",
    );
    expect(body.errors?.map((e) => e.path).sort()).toEqual(["email", "password"]);
  });

  it("refuses malformed JSON and non-JSON bodies with problems", async () => {
    await expectProblem(
      await api("/api/v1/auth/login", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{nope",
      }),
      400,
      "bad-request",
    );
    await expectProblem(
      await api("/api/v1/auth/login", { method: "POST", headers: { "content-type": "text/plain" }, body: "x" }),
      415,
      "unsupported-media-type",
    );
  });

  it("refuses bodies over the size limit before parsing them", async () => {
    const big = JSON.stringify({ email: "a@b.co", password: "x".repeat(70 * 1024) });
    await expectProblem(
      await api("/api/v1/auth/login", { method: "POST", headers: { "content-type": "application/json" }, body: big }),
      413,
      "payload-too-large",
    );
  });

  it("turns an unexpected exception into a 500 problem with the request id and no stack trace", async () => {
    const app = createApp();
    app.get("/api/test/boom", () => {
      throw new Error("secret internal detail");
    });
    const res = await app.request("/api/test/boom", {}, env);
    const body = await expectProblem(res, 500, "internal");
    const text = JSON.stringify(body);
    expect(text).not.toContain("secret internal detail");
    expect(text).not.toContain("at ");
    expect((body as { requestId?: string }).requestId).toBe(res.headers.get("x-request-id"));
  });

  it("lists regions publicly with their onboarding status", async () => {
    const res = await api("/api/v1/public/regions?province=36");
    const { items } = (await res.json()) as { items: { slug: string; tenantStatus: string; kind: string }[] };
    expect(items.find((r) => r.slug === "prov-banten")?.tenantStatus).toBe("active");
    expect(items.find((r) => r.slug === "kota-tangerang")?.tenantStatus).toBe("active");
    expect(items.find((r) => r.slug === "kota-serang")?.tenantStatus).toBe("not_onboarded");
    expect(items).toHaveLength(9);

    const all = (await (await api("/api/v1/public/regions")).json()) as { items: { kind: string }[] };
    expect(all.items.filter((r) => r.kind === "province")).toHaveLength(38);
    expect(all.items.filter((r) => r.kind !== "province")).toHaveLength(514);
    await expectProblem(await api("/api/v1/public/regions?province=banten"), 400, "validation");
  });
});
