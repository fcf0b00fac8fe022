import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { html, raw } from "hono/html";
import type { AppEnv } from "../../env.ts";
import { PROBLEM_TYPE_LIST, completeDocument, type DocOperation } from "../../lib/openapi.ts";
import { API_VERSION } from "../health/index.ts";
import { REQUEST_EXAMPLES } from "./examples.ts";

const OPENAPI_INFO = {
  openapi: "3.1.0",
  info: {
    title: "Akrab API",
    version: API_VERSION,
    description: [
      "Accreditation of social welfare institutions (LKS). Tenant routes live under /api/v1/t/{tenant};",
      "national routes under /api/v1/national; public ones under /api/v1/public.",
      "Errors are RFC 9457 problem+json whose `type` is one of the URNs below; a path that matches no",
      "operation answers 404 `urn:akrab:problem:not-found`.\n\n",
      PROBLEM_TYPE_LIST.map((p) => `- \`${p.type}\` (${p.status} ${p.title}): ${p.meaning}`).join("\n"),
    ].join(" "),
  },
};

type Document = ReturnType<OpenAPIHono<AppEnv>["getOpenAPI31Document"]>;
const documents = new WeakMap<object, Document>();

/**
 * The OpenAPI document of an app, completed (see `completeDocument`). Built once per app: the
 * route table does not change after start-up, and the contract check reads it on every response.
 */
export function apiDocument(app: OpenAPIHono<AppEnv>): Document {
  let doc = documents.get(app);
  if (!doc) {
    doc = completeDocument(app.getOpenAPI31Document(OPENAPI_INFO), REQUEST_EXAMPLES);
    documents.set(app, doc);
  }
  return doc;
}

const openApiRoute = createRoute({
  method: "get",
  operationId: "docs.openapi",
  path: "/api/openapi.json",
  tags: ["Operations"],
  summary: "This OpenAPI 3.1 document",
  responses: { 200: { description: "The document", content: { "application/json": { schema: z.looseObject({}) } } } },
});

const referenceRoute = createRoute({
  method: "get",
  operationId: "docs.reference",
  path: "/api/docs",
  tags: ["Operations"],
  summary: "The API reference as one HTML page (no script, works offline)",
  responses: { 200: { description: "The reference", content: { "text/html": { schema: z.string() } } } },
});

type Schema = { $ref?: string; example?: unknown; examples?: unknown[] };
type Media = { schema?: Schema; example?: unknown };

/** The example of a request body: on the media type, or on the (referenced) schema. */
function requestExample(doc: Document, op: DocOperation): unknown {
  const media = (op.requestBody as { content?: Record<string, Media> } | undefined)?.content?.["application/json"];
  if (!media) return undefined;
  if (media.example !== undefined) return media.example;
  const ref = media.schema?.$ref?.replace("#/components/schemas/", "");
  const schema = (ref ? doc.components?.schemas?.[ref] : media.schema) as Schema | undefined;
  return schema?.example ?? schema?.examples?.[0];
}

/**
 * Serves the OpenAPI 3.1 document and a plain, fast HTML reference generated from it: no
 * third-party script, so it works offline and under a strict CSP.
 */
export function mountDocs(app: OpenAPIHono<AppEnv>) {
  app.openAPIRegistry.registerComponent("securitySchemes", "Bearer", {
    type: "http",
    scheme: "bearer",
    bearerFormat: "JWT",
  });
  app.openAPIRegistry.registerComponent("securitySchemes", "Cookie", {
    type: "apiKey",
    in: "cookie",
    name: "__Host-akrab_session",
  });
  app.openapi(openApiRoute, (c) => c.json({ ...apiDocument(app) }, 200));

  app.openapi(referenceRoute, (c) => {
    const doc = apiDocument(app);
    const rows = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
      Object.entries(item as Record<string, DocOperation>).map(([method, op]) => ({
        path,
        method: method.toUpperCase(),
        op,
      })),
    );
    const tags = doc.tags ?? [];
    c.header("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
    return c.html(html`<!doctype html>
      <html lang="en">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>Akrab API reference</title>
          <style>
            body { font: 16px/1.5 system-ui, sans-serif; max-width: 60rem; margin: 0 auto; padding: 1rem; color: #1b2733; }
            h2 { border-bottom: 2px solid #0b6e4f; padding-bottom: .25rem; margin-top: 2rem; }
            .op { border: 1px solid #d5dde5; border-radius: .5rem; padding: .75rem 1rem; margin: .75rem 0; }
            .m { display: inline-block; min-width: 4rem; font-weight: 700; color: #0b6e4f; }
            .id { float: right; color: #3d4b59; }
            code { font-size: .95em; word-break: break-all; }
            pre { background: #f3f6f8; padding: .5rem; overflow-x: auto; font-size: .85em; }
            p { margin: .25rem 0; color: #3d4b59; }
            table { border-collapse: collapse; }
            td, th { border-bottom: 1px solid #d5dde5; padding: .25rem .5rem; text-align: left; }
          </style>
        </head>
        <body>
          <h1>${doc.info.title} <small>v${doc.info.version}</small></h1>
          <p>Accreditation of social welfare institutions (LKS). Tenant routes live under /api/v1/t/{tenant}; national
            routes under /api/v1/national; public ones under /api/v1/public.</p>
          <p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1).</p>
          <h2 id="problems">Problem types</h2>
          <p>Every error is RFC 9457 <code>application/problem+json</code>; branch on its <code>type</code>.</p>
          <table>
            <tr><th>type</th><th>status</th><th>meaning</th></tr>
            ${PROBLEM_TYPE_LIST.map(
              (p) => html`<tr><td><code>${p.type}</code></td><td>${p.status}</td><td>${p.meaning}</td></tr>`,
            )}
          </table>
          ${tags.map(
            (tag) => html`<h2>${tag.name}</h2>
              ${tag.description ? html`<p>${tag.description}</p>` : raw("")}
              ${rows
                .filter((r) => (r.op.tags?.[0] ?? "") === tag.name)
                .map((r) => {
                  const example = requestExample(doc, r.op);
                  return html`<div class="op" id="${r.op.operationId ?? ""}">
                    <div>
                      <span class="m">${r.method}</span><code>${r.path}</code>
                      <code class="id">${r.op.operationId ?? ""}</code>
                    </div>
                    <p><strong>${(r.op.summary as string | undefined) ?? ""}</strong></p>
                    ${r.op.description ? html`<p>${r.op.description as string}</p>` : raw("")}
                    ${
                      r.op.parameters?.length
                        ? html`<p>Parameters: ${(r.op.parameters as { name: string; in: string; required?: boolean }[])
                            .map((p) => `${p.name} (${p.in}${p.required ? ", required" : ""})`)
                            .join(", ")}</p>`
                        : raw("")
                    }
                    ${
                      example !== undefined
                        ? html`<p>Example request body:</p><pre>${JSON.stringify(example, null, 2)}</pre>`
                        : raw("")
                    }
                    <p>Responses: ${Object.keys(r.op.responses).join(", ")}</p>
                  </div>`;
                })}`,
          )}
        </body>
      </html>`);
  });
}
