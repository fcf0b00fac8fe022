import { ApplicationVisit, CompanionsPut } from "@akrab/contracts";
import { abortIfNothingChanged, isGuardAbort } from "@akrab/db";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { TenantEnv } from "../../env.ts";
import { audit } from "../../lib/audit.ts";
import { bearerSecurity, jsonBody, jsonResponse, problems } from "../../lib/openapi.ts";
import { Problem } from "../../middleware/problem/index.ts";
import { requireTenantRole } from "../../middleware/tenant/index.ts";
import { ApplicationParam, visibleApplication } from "../applications/show.ts";
import { COMPANION_KEEPERS, visitOf } from "./show.ts";

export const putCompanionsRoute = createRoute({
  method: "put",
  operationId: "applications.putVisitCompanions",
  path: "/api/v1/t/{tenant}/applications/{applicationId}/visit-companions",
  tags: ["Visit plans"],
  summary: "Name the Dinsos staff who accompany the asesors on the planned visit (the application's own Dinsos)",
  description:
    "Replaces the list. Only while the application is in an active visit plan. `expectedVersion` is the companions' current version (0 when none are named yet): a stale one is a 409 and changes nothing.",
  security: bearerSecurity,
  middleware: [requireTenantRole(...COMPANION_KEEPERS)] as const,
  request: { params: ApplicationParam, body: jsonBody(CompanionsPut) },
  responses: {
    200: jsonResponse(ApplicationVisit, "The visit with its companions"),
    ...problems(400, 401, 403, 404, 409),
  },
});

export const putCompanions: RouteHandler<typeof putCompanionsRoute, TenantEnv> = async (c) => {
  const scope = c.get("scope");
  const app = await visibleApplication(c, c.req.valid("param").applicationId);
  // A province reads its kab/kota's applications; naming who goes is the kab/kota's own call.
  if (app.tenantId !== scope.tenant.id)
    throw new Problem(
      "forbidden",
      "Pendamping dipilih oleh Dinas Sosial LKS ini / The LKS's own Dinsos names the companions",
    );
  const { companions, expectedVersion } = c.req.valid("json");
  if (!(await scope.visits.planOf(app.id)))
    throw new Problem(
      "conflict",
      "Permohonan ini belum ada di rencana kunjungan BALKS / This application is not in a BALKS visit plan yet",
    );
  const db = c.get("db");
  await db
    .batch([
      scope.visits.saveCompanions(
        app.id,
        expectedVersion,
        companions.map((p) => ({ name: p.name, position: p.position, phone: p.phone ?? null })),
        c.get("principal").user.id,
      ),
      abortIfNothingChanged(db),
      audit(c, {
        action: "application.visit_companions_named",
        tenantId: app.tenantId,
        targetType: "application",
        targetId: app.id,
        data: { count: companions.length },
      }),
    ])
    .catch((error: unknown) => {
      if (isGuardAbort(error))
        throw new Problem(
          "conflict",
          "Daftar pendamping telah diubah orang lain; muat ulang / The companions changed meanwhile; reload",
        );
      throw error;
    });
  return c.json(await visitOf(c, app), 200);
};
