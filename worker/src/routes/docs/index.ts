import type { OpenAPIHono } from "@hono/zod-openapi";
import { html, raw } from "hono/html";
import type { AppEnv } from "../../env.ts";
import { API_VERSION } from "../health/index.ts";

export const OPENAPI_INFO = {
  openapi: "3.1.0",
  info: {
    title: "Akrab API",
    version: API_VERSION,
    description:
      "Accreditation of social welfare institutions (LKS). Tenant routes live under /api/v1/t/{tenant}; national routes under /api/v1/national; public ones under /api/v1/public. Errors are RFC 9457 problem+json.",
  },
};

type Operation = { summary?: string; description?: string; tags?: string[]; parameters?: { name: string; in: string; required?: boolean }[] };

/**
 * Serves the OpenAPI 3.1 document and a plain, fast HTML reference generated from it: no
 * third-party script, so it works offline and under a strict CSP.
 */
export function mountDocs(app: OpenAPIHono<AppEnv>) {
  app.openAPIRegistry.registerComponent("securitySchemes", "Bearer", { type: "http", scheme: "bearer", bearerFormat: "JWT" });
  app.openAPIRegistry.registerComponent("securitySchemes", "Cookie", { type: "apiKey", in: "cookie", name: "__Host-akrab_session" });
  app.doc31("/api/openapi.json", OPENAPI_INFO);

  app.get("/api/docs", (c) => {
    const doc = app.getOpenAPI31Document(OPENAPI_INFO);
    const rows = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
      Object.entries(item as Record<string, Operation>).map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
    );
    const tags = [...new Set(rows.map((r) => r.op.tags?.[0] ?? "Other"))];
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
            code { font-size: .95em; word-break: break-all; }
            p { margin: .25rem 0; color: #3d4b59; }
          </style>
        </head>
        <body>
          <h1>${doc.info.title} <small>v${doc.info.version}</small></h1>
          <p>${doc.info.description ?? ""}</p>
          <p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1).</p>
          ${tags.map(
            (tag) => html`<h2>${tag}</h2>
              ${rows
                .filter((r) => (r.op.tags?.[0] ?? "Other") === tag)
                .map(
                  (r) => html`<div class="op">
                    <div><span class="m">${r.method}</span><code>${r.path}</code></div>
                    <p><strong>${r.op.summary ?? ""}</strong></p>
                    ${r.op.description ? html`<p>${r.op.description}</p>` : raw("")}
                    ${r.op.parameters?.length
                      ? html`<p>Parameters: ${r.op.parameters.map((p) => `${p.name} (${p.in}${p.required ? ", required" : ""})`).join(", ")}</p>`
                      : raw("")}
                  </div>`,
                )}`,
          )}
        </body>
      </html>`);
  });
}
