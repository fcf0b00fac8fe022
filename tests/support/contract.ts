/**
 * The contract check: every response a test receives is held against the OpenAPI document the
 * Worker serves. Its status must be listed for the operation, its content type listed for
 * that status, and a JSON body must match the schema. A response that breaks the contract
 * throws from the request helper, so the test that caused it fails and names the request.
 *
 * @cfworker/json-schema, not ajv: ajv compiles validators with `new Function`, which workerd
 * forbids; this one interprets schemas (draft 2020-12, as OpenAPI 3.1 uses) and runs here.
 */
import { Validator, type Schema } from "@cfworker/json-schema";

type Media = { schema?: Schema };
type DocResponse = { content?: Record<string, Media> };
type Operation = { operationId?: string; responses: Record<string, DocResponse> };
type Route = { method: string; template: string; pattern: RegExp; op: Operation };

/** A checker over one document: the Worker tests build it from the app, the e2e tests from /api/openapi.json. */
export function contractChecker(document: () => unknown) {
  /** Responses checked so far (the Worker tests' reporter sums them over the run). */
  const stats = { checked: 0 };
  let routes: Route[] | undefined;
  let defs: Record<string, Schema> = {};
  const validators = new Map<string, Validator>();

  function load(): Route[] {
    if (routes) return routes;
    // Schemas refer to components by JSON pointer; as `$defs` the validator resolves them in place.
    const doc = JSON.parse(JSON.stringify(document()).replaceAll("#/components/schemas/", "#/$defs/")) as {
      paths: Record<string, Record<string, Operation>>;
      components?: { schemas?: Record<string, Schema> };
    };
    defs = doc.components?.schemas ?? {};
    routes = Object.entries(doc.paths).flatMap(([template, item]) =>
      Object.entries(item).map(([method, op]) => ({
        method: method.toUpperCase(),
        template,
        // A path parameter is one segment; literal parts (e.g. `lks.csv`) must match exactly.
        pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\\?\{[^}]+\\?\}/g, "[^/]+")}$`),
        op,
      })),
    );
    // A literal segment wins over a parameter (`/lks.csv` before `/lks/{lksId}`), as in the router.
    routes.sort((a, b) => a.template.split("{").length - b.template.split("{").length);
    return routes;
  }

  /** The documented operation a request reaches, if any (HEAD is served by the GET operation). */
  function operationOf(method: string, pathname: string): { template: string; op: Operation } | undefined {
    const all = load();
    const find = (m: string) => all.find((r) => r.method === m && r.pattern.test(pathname));
    return find(method) ?? (method === "HEAD" ? find("GET") : undefined);
  }

  function mediaType(header: string | null): string | null {
    return header ? header.split(";")[0]!.trim().toLowerCase() : null;
  }

  /** `image/*` in the document covers `image/png` in a response. */
  function documentedMedia(content: Record<string, Media>, type: string): Media | undefined {
    const wildcard = Object.entries(content).find(([t]) => t.endsWith("/*") && type.startsWith(t.slice(0, -1)));
    return content[type] ?? wildcard?.[1];
  }

  function validatorFor(key: string, schema: Schema): Validator {
    let validator = validators.get(key);
    if (!validator) {
      validator = new Validator({ ...schema, $defs: { ...defs, ...(schema.$defs ?? {}) } }, "2020-12", false);
      validators.set(key, validator);
    }
    return validator;
  }

  /** Throws when `response` is not what the document promises for `request`. */
  async function check(request: Request, response: Response): Promise<void> {
    const url = new URL(request.url);
    const what = `${request.method} ${url.pathname}${url.search} → ${response.status}`;
    const fail = (reason: string) => {
      throw new Error(`Contract: ${what} is not in the OpenAPI document: ${reason}`);
    };
    const type = mediaType(response.headers.get("content-type"));
    const found = operationOf(request.method, url.pathname);
    stats.checked++;

    if (!found) {
      // A path or method that matches no operation gets the global not-found problem, as documented.
      if (response.status !== 404 || type !== "application/problem+json") {
        fail("no operation matches this method and path");
      }
      return;
    }
    const documented = found.op.responses[String(response.status)] ?? found.op.responses.default;
    const label = `${found.op.operationId ?? found.template}`;
    if (!documented) {
      return fail(`${label} lists no ${response.status} (it lists ${Object.keys(found.op.responses).join(", ")})`);
    }

    const hasBody = request.method !== "HEAD" && response.status !== 204 && response.status !== 304;
    if (!hasBody || !type) {
      if (hasBody && response.body && (await response.clone().arrayBuffer()).byteLength > 0) {
        fail(`${label}: a body without Content-Type`);
      }
      return;
    }
    const media = documented.content && documentedMedia(documented.content, type);
    if (!media) {
      const listed = Object.keys(documented.content ?? {}).join(", ") || "no body";
      return fail(`${label} ${response.status} lists no ${type} (it lists ${listed})`);
    }

    if (!type.endsWith("json") || !media.schema) return;
    const text = await response.clone().text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return fail(`${label}: the body is not JSON: ${text.slice(0, 200)}`);
    }
    const result = validatorFor(`${label} ${response.status} ${type}`, media.schema).validate(body);
    if (!result.valid) {
      const errors = result.errors
        .filter((e) => e.keyword !== "properties" && e.keyword !== "$ref" && e.keyword !== "allOf")
        .slice(0, 5)
        .map((e) => `${e.instanceLocation}: ${e.error}`);
      fail(
        `${label} ${response.status}: the body breaks its schema: ${errors.join("; ")}; body: ${text.slice(0, 300)}`,
      );
    }
  }

  return { stats, operationOf, check };
}
