import { describe, expect, it } from "vitest";
import { Validator } from "@cfworker/json-schema";
import { TAGS } from "../../worker/src/lib/openapi.ts";
import { REQUEST_EXAMPLES } from "../../worker/src/routes/docs/examples.ts";
import { createApp } from "../../worker/src/app.ts";
import { apiDocument } from "../../worker/src/routes/docs/index.ts";
import { checkContract, operationOf } from "./contract.ts";
import { api } from "./helpers.ts";

type Op = { operationId?: string; tags?: string[]; security?: unknown[]; responses: Record<string, unknown> };
const doc = apiDocument(createApp());
const operations = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
  Object.entries(item as Record<string, Op>).map(([method, op]) => ({ path, method, op })),
);

/** Hono's `:param` and `*` routes as the document writes them. */
const toTemplate = (path: string) => path.replace(/:(\w+)/g, "{$1}");

describe("the OpenAPI document covers the live route table", () => {
  it("documents every route the Worker answers", () => {
    const live = new Set(
      createApp()
        // The public verification and registry pages (HTML for people, not the API) are tested in certificates.test.ts and public-registry.test.ts.
        .routes.filter(
          (r) =>
            r.method !== "ALL" &&
            !r.path.includes("*") &&
            !r.path.startsWith("/verifikasi") &&
            !r.path.startsWith("/registri"),
        )
        .map((r) => `${r.method} ${toTemplate(r.path)}`),
    );
    const documented = new Set(operations.map((o) => `${o.method.toUpperCase()} ${o.path}`));
    expect([...live].filter((route) => !documented.has(route))).toEqual([]);
    expect(live.size).toBeGreaterThan(60);
  });

  it("gives every operation a unique, readable operationId, a described tag and a stated security", () => {
    const ids = operations.map((o) => o.op.operationId);
    expect(operations.filter((o) => !o.op.operationId).map((o) => `${o.method} ${o.path}`)).toEqual([]);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    for (const id of ids) expect(id).toMatch(/^[a-z][A-Za-z]*\.[a-z][A-Za-z]*$/);
    for (const { op } of operations) {
      expect(op.security, op.operationId).toBeDefined();
      for (const tag of op.tags ?? []) expect(TAGS, `describe tag "${tag}" in TAGS`).toHaveProperty(tag);
    }
    expect(doc.servers?.length).toBeGreaterThan(0);
  });

  it("derives the standard problem statuses from where an operation sits", () => {
    const byId = (id: string) => operations.find((o) => o.op.operationId === id)!.op.responses;
    // Public, read-only, no input: only what any /api route can answer.
    expect(Object.keys(byId("health.get")).sort()).toEqual(["200", "401", "500"]);
    expect(operations.find((o) => o.op.operationId === "health.get")!.op.security).toEqual([]);
    // Tenant-scoped, state-changing, with a JSON body: the whole middleware chain's answers.
    expect(Object.keys(byId("applications.transition")).sort()).toEqual(
      expect.arrayContaining(["400", "401", "403", "404", "409", "413", "415", "500"]),
    );
  });
});

describe("request examples", () => {
  it("belong to real operations and match their request schemas", () => {
    const asDefs = (value: unknown) =>
      JSON.parse(JSON.stringify(value).replaceAll("#/components/schemas/", "#/$defs/"));
    const defs = asDefs(doc.components?.schemas ?? {});
    for (const [id, example] of Object.entries(REQUEST_EXAMPLES)) {
      const found = operations.find((o) => o.op.operationId === id);
      expect(found, `no operation ${id}`).toBeDefined();
      type Body = { content?: Record<string, { schema: object; example?: unknown }> };
      const media = (found!.op as { requestBody?: Body }).requestBody?.content?.["application/json"];
      expect(media?.example, id).toEqual(example);
      const schema = asDefs(media!.schema);
      const result = new Validator({ ...schema, $defs: defs }, "2020-12", false).validate(example);
      expect(result.errors.map((e) => `${id} ${e.instanceLocation}: ${e.error}`)).toEqual([]);
    }
  });
});

describe("the reference page", () => {
  it("shows operation ids, request examples and the problem types with their meaning", async () => {
    const page = await (await api("/api/docs")).text();
    expect(page).toContain('<code class="id">applications.transition</code>');
    expect(page).toContain("Example request body");
    expect(page).toContain("urn:akrab:problem:checksum-mismatch");
    expect(page).toContain("The SHA-256 of the received bytes differs");
  });
});

describe("the contract check", () => {
  const request = (method: string, path: string) => new Request(`https://akrab.test${path}`, { method });
  const json = (body: unknown, status = 200, type = "application/json") =>
    new Response(JSON.stringify(body), { status, headers: { "content-type": type } });

  it("finds the operation of a request, a literal segment before a parameter", () => {
    expect(operationOf("GET", "/api/v1/t/kota-tangerang/lks.csv")?.op.operationId).toBe("lks.exportCsv");
    expect(operationOf("GET", "/api/v1/t/kota-tangerang/lks/abc")?.op.operationId).toBe("lks.show");
    expect(operationOf("HEAD", "/api/v1/t/kota-tangerang/uploads/abc")?.op.operationId).toBe("uploads.status");
  });

  it("refuses a status, a content type or a body the document does not promise", async () => {
    const health = request("GET", "/api/health");
    const text = new Response("ok", { headers: { "content-type": "text/plain" } });
    await expect(checkContract(health, json({}, 418))).rejects.toThrow(/health\.get lists no 418/);
    await expect(checkContract(health, text)).rejects.toThrow(/lists no text\/plain/);
    await expect(checkContract(health, json({ status: "broken" }))).rejects.toThrow(/breaks its schema/);
    const nowhere = request("GET", "/api/v1/nowhere");
    await expect(checkContract(nowhere, json({}, 200))).rejects.toThrow(/no operation matches/);
  });

  it("accepts what the document promises", async () => {
    const ok = { status: "ok", version: "akrab@1", apiVersion: "v1", environment: "test" };
    await checkContract(request("GET", "/api/health"), json(ok));
    const res = await api("/api/v1/nowhere");
    expect(res.status).toBe(404);
  });
});
