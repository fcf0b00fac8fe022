import type { TestProject } from "vitest/node";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { startLocalServer } from "../support/local-server.ts";

export const E2E_PORT = Number(process.env.AKRAB_E2E_PORT ?? 8788);

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  if (!existsSync(new URL("../../web/build/index.html", import.meta.url))) {
    throw new Error("web/build is missing: run `npm run build` before the e2e tests");
  }
  // AKRAB_E2E_URL points the tests at a server that is already running (while developing).
  const external = process.env.AKRAB_E2E_URL;
  if (external) {
    project.provide("baseUrl", external.replace(/\/$/, ""));
    return async () => {};
  }
  // An application already at asesor assignment (asesors.test.ts, pwa.test.ts's page list), one
  // at the visit with its team accepted (asesors.test.ts's visit plan), one at the visit with a team
  // of two who accepted (visit-scoring.test.ts, pwa.test.ts's scoring page), another with its own
  // asesors and operator for the reconciliation and the decision (decision.test.ts), a second of
  // the same LKS with its own team for the reconciliation offline (reconciliation-offline.test.ts),
  // one of Loka Bina
  // Karya Jakarta Timur at the visit with its own team, operator and chain to the grade
  // (assessment-chain.test.ts), one of Budi
  // Mulia at the visit with its own team for a safeguarding finding (safeguarding.test.ts), one accredited
  // awaiting its certificate (certificates.test.ts), one of Kasih Bunda likewise
  // (certificates-app.test.ts), one of Panti Werdha Cipondoh (registry.test.ts), Rumah Singgah Anak
  // Pandeglang's certified last cycle (renewal.test.ts), a copy of that LKS on its way to an
  // improvement plan (improvement-plan.test.ts), and LKS Lansia Bahagia Batang's certificate ending
  // in 45 days (certificates-ending.test.ts), and an asesor of its own invited to a copy of Yayasan Bina
  // Laras Jakarta Timur's team, declined offline (drafts.test.ts).
  const fixtures = [
    "asesor-assignment.sql",
    "visit-plan.sql",
    "visit-scoring.sql",
    "decision.sql",
    "assessment-chain.sql",
    "reconciliation-offline.sql",
    "safeguarding.sql",
    "certificate-accredited.sql",
    "certificate-app.sql",
    "registry.sql",
    "renewal.sql",
    "improvement-plan.sql",
    "certificate-ending.sql",
    "previous-cycle.sql",
    "drafts.sql",
  ].map((file) => fileURLToPath(new URL(`./fixtures/${file}`, import.meta.url)));
  // The thumbnail of the evidence photo in visit-scoring.sql (R2 bytes cannot come from SQL).
  const thumbnail = fileURLToPath(new URL("./fixtures/evidence-thumb.jpg", import.meta.url));
  const server = await startLocalServer({
    port: E2E_PORT,
    extraSqlFiles: fixtures,
    extraCommands: [
      [
        "wrangler",
        "r2",
        "object",
        "put",
        "akrab-docs/t/e2e00016/thumbnails/e1",
        "--file",
        thumbnail,
        "--content-type",
        "image/jpeg",
        "--local",
      ],
    ],
  });
  project.provide("baseUrl", server.url);
  return async () => {
    await server.stop();
  };
}
