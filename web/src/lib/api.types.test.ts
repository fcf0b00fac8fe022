/**
 * The client's types follow the OpenAPI document: these cases are checked by `npm run check -w web`
 * (svelte-check type-checks test files too). A `@ts-expect-error` whose line compiles is itself an
 * error, so each refused call below proves the check refuses it. At run time each call gets a fake
 * answer; what matters here is what compiles.
 */
import { describe, expect, expectTypeOf, test } from "vitest";
import { api, apiHref, type ResponseOf } from "./api.ts";
import type { Application, LksDetail, Session } from "./api-types.ts";

const fetch = (async () =>
  new Response("{}", { status: 200, headers: { "content-type": "application/json" } })) as typeof globalThis.fetch;
const params = { tenant: "kota-tangerang", applicationId: "a1" };

describe("api types", () => {
  test("a route's 2xx body is the call's result, picked by path and method", async () => {
    expectTypeOf(
      api.get("/t/{tenant}/applications/{applicationId}", { params, fetch }),
    ).resolves.toEqualTypeOf<Application>();
    expectTypeOf(api.get("/auth/me", { fetch })).resolves.toEqualTypeOf<Session>();
    expectTypeOf<ResponseOf<"patch", "/t/{tenant}/lks/{lksId}">>().toEqualTypeOf<LksDetail>();
    // 204: nothing to read.
    expectTypeOf<ResponseOf<"post", "/auth/logout">>().toEqualTypeOf<undefined>();
    expect(await api.get("/auth/me", { fetch })).toEqual({});
  });

  // Never called: the calls are wrong on purpose, and the type-check is what judges them.
  const refused = async () => {
    // @ts-expect-error: no such path
    await api.get("/t/{tenant}/applicationz/{applicationId}", { params, fetch });
    // @ts-expect-error: a concrete path is not a route: values go in `params`
    await api.get("/t/kota-tangerang/applications/a1", { fetch });
    // @ts-expect-error: GET only; transitions are POSTed
    await api.get("/t/{tenant}/applications/{applicationId}/transitions", { params, fetch });
    // @ts-expect-error: the path has placeholders, so `params` is required
    await api.get("/t/{tenant}/applications/{applicationId}", { fetch });
    // @ts-expect-error: `applicationId` is missing
    await api.get("/t/{tenant}/applications/{applicationId}", { params: { tenant: "x" }, fetch });
    // @ts-expect-error: the body lacks `expectedVersion`
    await api.post("/t/{tenant}/applications/{applicationId}/transitions", { action: "submit" }, { params, fetch });
    const transition = { action: "submit", expectedVersion: "3" };
    // @ts-expect-error: `expectedVersion` is a number
    await api.post("/t/{tenant}/applications/{applicationId}/transitions", transition, { params, fetch });
    // @ts-expect-error: `status` takes the LKS statuses only
    await api.get("/t/{tenant}/lks", { params: { tenant: "x" }, query: { status: "closed" }, fetch });
    // @ts-expect-error: bytes go through putBytes, JSON does not
    await api.put("/t/{tenant}/logo", {}, { params: { tenant: "x" }, fetch });
    const pdf = { bytes: new Blob(), contentType: "application/pdf" } as const;
    // @ts-expect-error: a logo is an image, not a PDF
    await api.putBytes("/t/{tenant}/logo", pdf, { params: { tenant: "x" }, fetch });
    // @ts-expect-error: an application's body is no LKS
    const lks: LksDetail = await api.get("/t/{tenant}/applications/{applicationId}", { params, fetch });
    return lks;
  };
  test("a wrong path, method, body, path value or query does not compile (see `refused`)", () => {
    expectTypeOf(refused).returns.resolves.toEqualTypeOf<LksDetail>();
  });

  test("apiHref fills and encodes the path and leaves empty query values out", () => {
    const href = apiHref("/t/{tenant}/documents/{documentId}/content", {
      params: { tenant: "kota tangerang", documentId: "a/b" },
      query: { version: undefined },
    });
    expect(href).toBe("/api/v1/t/kota%20tangerang/documents/a%2Fb/content");
    const versioned = apiHref("/t/{tenant}/documents/{documentId}/thumbnail", {
      params: { tenant: "t", documentId: "d" },
      query: { version: 2 },
    });
    expect(versioned).toBe("/api/v1/t/t/documents/d/thumbnail?version=2");
  });
});
