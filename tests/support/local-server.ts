/**
 * Runs the whole app (Worker + static web build) locally on workerd through `wrangler dev`,
 * against a fresh, seeded D1 database in a temporary directory. Used by the e2e tests and
 * the bench. Assumes `web/build` exists (`npm run build`).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { fileURLToPath } from "node:url";

export interface LocalServer {
  url: string;
  stop(): Promise<void>;
}

export interface LocalServerOptions {
  port: number;
  /** How long to wait for GET /api/health (default 90 s). */
  timeoutMs?: number;
  /** SQL files to run after the demo data (the bench seeds thousands of applications this way). */
  extraSqlFiles?: string[];
  /** Commands to run after the SQL files, with the database's directory last (the reports bench seeds the national dataset). */
  extraCommands?: [command: string, ...args: string[]][];
  /** Print wrangler's output as it comes (default: only on failure). */
  verbose?: boolean;
}

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const MAX_LOG_CHARS = 20_000;

/** PATH with the repo's node_modules/.bin first, so wrangler and tsx run on the repo's Node 22. */
function childEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PATH: `${join(ROOT, "node_modules", ".bin")}${delimiter}${process.env.PATH ?? ""}`,
    // Non-interactive: no prompts, no colours, no telemetry.
    CI: "1",
    NO_COLOR: "1",
    FORCE_COLOR: "0",
    WRANGLER_SEND_METRICS: "false",
  };
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-MAX_LOG_CHARS);
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`\`${command} ${args.join(" ")}\` failed (${signal ?? `exit ${code}`}):\n${output}`));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once("exit", () => resolve());
  });
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal); // the whole group: wrangler, workerd, esbuild
  } catch {
    // already gone
  }
}

export async function startLocalServer({
  port,
  timeoutMs = 90_000,
  verbose = false,
  extraSqlFiles = [],
  extraCommands = [],
}: LocalServerOptions): Promise<LocalServer> {
  const env = childEnv();
  const dir = await mkdtemp(join(tmpdir(), "akrab-local-"));
  const url = `http://127.0.0.1:${port}`;

  try {
    await run("wrangler", ["d1", "migrations", "apply", "DB", "--local", "--persist-to", dir], env);
    await run("tsx", ["scripts/seed-local.ts", "--persist-to", dir], env);
    for (const file of extraSqlFiles)
      await run("wrangler", ["d1", "execute", "DB", "--local", "--persist-to", dir, "--file", file], env);
    for (const [command, ...args] of extraCommands) await run(command, [...args, "--persist-to", dir], env);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }

  const child = spawn(
    "wrangler",
    // --test-scheduled: a test can run a cron (GET /__scheduled?cron=…), e.g. the minute job that refreshes the report roll-ups.
    [
      "dev",
      "--ip",
      "127.0.0.1",
      "--port",
      String(port),
      "--persist-to",
      dir,
      "--show-interactive-dev-session=false",
      "--test-scheduled",
    ],
    { cwd: ROOT, env, detached: true, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  const keep = (chunk: Buffer) => {
    if (verbose) process.stderr.write(chunk);
    output = (output + chunk.toString()).slice(-MAX_LOG_CHARS);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  let exitInfo: string | null = null;
  child.on("exit", (code, signal) => {
    exitInfo = signal ?? `exit ${code}`;
  });

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    killGroup(child, "SIGTERM");
    const timer = setTimeout(() => killGroup(child, "SIGKILL"), 5_000);
    await exited(child);
    clearTimeout(timer);
    await rm(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + timeoutMs;
  while (true) {
    if (exitInfo) {
      await stop();
      throw new Error(`wrangler dev exited (${exitInfo}) before /api/health answered:\n${output}`);
    }
    try {
      const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`wrangler dev did not answer ${url}/api/health within ${timeoutMs / 1000} s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }

  return { url, stop };
}
