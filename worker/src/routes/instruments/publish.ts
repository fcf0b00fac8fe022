import { InstrumentDetail, InstrumentPublish } from "@akrab/contracts";
import { expectRow, instrumentOfRow } from "@akrab/db";
import { INSTRUMENT_PUBLISHERS, validateInstrument } from "@akrab/domain";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { NationalWriteEnv } from "../../env.ts";
import { audit } from "../../lib/audit.ts";
import { staleOnGuardAbort } from "../../lib/guard.ts";
import { bearerSecurity, jsonBody, jsonResponse, problems } from "../../lib/openapi.ts";
import { national } from "../../middleware/national/index.ts";
import { changedMeanwhile, notFound } from "../../middleware/problem/index.ts";
import { invalidInstrument, presentInstrument } from "../../services/instruments.ts";
import { publishedIsFinal } from "./edit.ts";
import { InstrumentParam } from "./params.ts";

export const publishInstrumentRoute = createRoute({
  method: "post",
  operationId: "instruments.publish",
  path: "/api/v1/national/instruments/{instrumentId}/publish",
  tags: ["Instruments"],
  summary: "Publish a draft (BALKS deciders only); it never changes again",
  description:
    "From then on, applications of the LKS types it covers pin it when they are submitted (the newest regulation, then the latest published, wins). Applications already submitted keep the version they pinned.",
  security: bearerSecurity,
  middleware: [national({ roles: INSTRUMENT_PUBLISHERS, write: true })] as const,
  request: { params: InstrumentParam, body: jsonBody(InstrumentPublish) },
  responses: { 200: jsonResponse(InstrumentDetail, "The published version"), ...problems(400, 401, 404, 409) },
});

export const publishInstrument: RouteHandler<typeof publishInstrumentRoute, NationalWriteEnv> = async (c) => {
  const { instruments, write } = c.get("national");
  const id = c.req.valid("param").instrumentId;
  const { expectedVersion } = c.req.valid("json");
  const row = await instruments.find(id);
  if (!row) throw notFound();
  if (row.status === "published") throw publishedIsFinal();
  if (row.version !== expectedVersion) throw changedMeanwhile("instrument");
  // Drafts are validated on every write; checked again because publishing is what nobody can undo.
  const problems = validateInstrument(instrumentOfRow(row));
  if (problems.length > 0) throw invalidInstrument(problems);

  await write
    .batch([
      write.instruments.publish(id, expectedVersion, c.get("principal").user.id),
      write.abortIfNothingChanged(),
      audit(c, {
        action: "instrument.published",
        tenantId: null,
        targetType: "instrument",
        targetId: id,
        data: { basedOn: row.basedOn, lksTypes: row.lksTypes },
      }),
    ])
    .catch(staleOnGuardAbort("instrument"));
  return c.json(presentInstrument(expectRow(await instruments.find(id), "Published version")), 200);
};
