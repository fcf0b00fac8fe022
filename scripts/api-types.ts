/**
 * Generates web/src/lib/api-schema.d.ts, the TypeScript types of every API operation, from the
 * OpenAPI document the Worker serves (built in Node, see openapi-document.ts) with
 * openapi-typescript. Types only: the web's client (web/src/lib/api.ts) is typed by it and the
 * browser receives no byte of it.
 *
 *   npm run api:types            writes the file
 *   npm run api:types -- --check fails (exit 1) when the committed file differs from a fresh one
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import openapiTS, { COMMENT_HEADER, astToString, type OpenAPI3 } from "openapi-typescript";
import { buildApiDocument } from "./openapi-document.ts";

const target = join(import.meta.dirname, "..", "web", "src", "lib", "api-schema.d.ts");
const header = [
  COMMENT_HEADER.trimEnd(),
  "// Generated from the API's OpenAPI document by `npm run api:types` (scripts/api-types.ts). Do not edit.",
  "",
].join("\n");

// The document object is passed in, never a URL: the generator reads nothing from the network.
const ast = await openapiTS((await buildApiDocument()) as unknown as OpenAPI3, {
  silent: true,
  // Every operation keeps its operationId as its key in `operations`, for readable errors.
  rootTypes: false,
});
const fresh = `${header}\n${astToString(ast)}`;

if (process.argv.includes("--check")) {
  let committed = "";
  try {
    committed = readFileSync(target, "utf8");
  } catch {
    // Missing counts as stale.
  }
  if (committed !== fresh) {
    console.error("api:types: web/src/lib/api-schema.d.ts is stale; run `npm run api:types` and commit it.");
    process.exit(1);
  }
  console.log("api:types: web/src/lib/api-schema.d.ts matches the API document.");
} else {
  writeFileSync(target, fresh);
  console.log(`api:types: wrote ${target}`);
}
