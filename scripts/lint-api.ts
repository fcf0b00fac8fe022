/**
 * Writes the API's OpenAPI document, built from the same app the Worker serves, to a temp file
 * and lints it with Redocly's recommended rules (redocly.yaml). Fails on any error; the
 * operationId rule is an error there, so a route without one fails too.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildApiDocument } from "./openapi-document.ts";

const file = join(mkdtempSync(join(tmpdir(), "akrab-openapi-")), "openapi.json");
writeFileSync(file, JSON.stringify(await buildApiDocument(), null, 2));
console.log(`lint:api: ${file}`);

// Offline by design: no telemetry and no update check.
const env = { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" };
const args = ["lint", file, "--config", "redocly.yaml", "--max-problems", "200"];
const result = spawnSync("redocly", args, { stdio: "inherit", env, shell: false });
process.exit(result.status ?? 1);
