import { CursorQuery, LksHistoryEntry, pageOf } from "@akrab/contracts";
import { maskIdNumber } from "@akrab/domain";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { TenantEnv } from "../../env.ts";
import { bearerSecurity, jsonResponse, problems } from "../../lib/openapi.ts";
import { unknownCursor } from "../../middleware/problem/index.ts";
import { LksParam, visibleLks } from "./show.ts";

export const lksHistoryRoute = createRoute({
  method: "get",
  operationId: "lks.history",
  path: "/api/v1/t/{tenant}/lks/{lksId}/history",
  tags: ["LKS registry"],
  summary: "Every change to the LKS, newest first: who, when, old → new",
  security: bearerSecurity,
  request: { params: LksParam, query: CursorQuery },
  responses: {
    200: jsonResponse(pageOf(LksHistoryEntry, "LksHistoryPage"), "One page of changes"),
    ...problems(400, 401, 404),
  },
});

/** Board values carry NIKs: history shows them masked like the profile does. */
function shown(field: string, value: unknown): unknown {
  if (field !== "board" || !Array.isArray(value)) return value;
  return value.map((member: { idNumber?: string }) => ({
    ...member,
    idNumber: member.idNumber ? maskIdNumber(member.idNumber) : member.idNumber,
  }));
}

export const lksHistory: RouteHandler<typeof lksHistoryRoute, TenantEnv> = async (c) => {
  const { lksId } = c.req.valid("param");
  await visibleLks(c, lksId);
  const page = await c.get("scope").lks.listHistory(lksId, c.req.valid("query"));
  if (!page) throw unknownCursor();
  return c.json(
    {
      nextCursor: page.nextCursor,
      items: page.items.map(({ entry, userName }) => ({
        id: entry.id,
        field: entry.field,
        oldValue: shown(entry.field, entry.oldValue),
        newValue: shown(entry.field, entry.newValue),
        changedBy: entry.changedBy && userName ? { id: entry.changedBy, name: userName } : null,
        changedAt: entry.changedAt,
        note: entry.note,
      })),
    },
    200,
  );
};
