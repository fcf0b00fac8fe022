/**
 * The API's OpenAPI document, built in Node from the same app the Worker serves. Shared by
 * `npm run lint:api` (lints it) and `npm run api:types` (generates the web's types from it).
 */

// Loaded by path, not imported: the Worker's code is type-checked by worker/tsconfig.json (Workers
// types), which this Node-side config does not load; at run time tsx runs it in Node as it is.
const app: string = "../worker/src/app.ts";
const docs: string = "../worker/src/routes/docs/index.ts";

export async function buildApiDocument(): Promise<Record<string, unknown>> {
  const { createApp } = (await import(app)) as { createApp: () => object };
  const { apiDocument } = (await import(docs)) as { apiDocument: (app: object) => Record<string, unknown> };
  return apiDocument(createApp());
}
