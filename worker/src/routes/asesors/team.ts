import { TeamAssign, TeamView } from "@akrab/contracts";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { NationalEnv, NationalWriteEnv } from "../../env.ts";
import { audit } from "../../lib/audit.ts";
import { bearerSecurity, jsonBody, jsonResponse, problems } from "../../lib/openapi.ts";
import { national } from "../../middleware/national/index.ts";
import { Problem } from "../../middleware/problem/index.ts";
import { applicationForTeam, teamRules, teamState } from "../../services/asesors.ts";
import { assignmentEmail } from "../../services/mail.ts";
import { rankedFor } from "./candidates.ts";
import { REGISTRY_KEEPERS_NATIONAL, REGISTRY_READERS, TeamParam } from "./params.ts";

/** The step at which BALKS forms the team (the `assign` transition leaves it). */
const TEAM_STEP = "asesor_assignment";

export const showTeamRoute = createRoute({
  method: "get",
  operationId: "asesors.team",
  path: "/api/v1/national/applications/{tenant}/{applicationId}/team",
  tags: ["Asesors"],
  summary:
    "The application's asesor team: who was invited, who accepted or declined (with the reason), and what is missing",
  security: bearerSecurity,
  middleware: [national({ roles: REGISTRY_READERS })] as const,
  request: { params: TeamParam },
  responses: { 200: jsonResponse(TeamView, "The team"), ...problems(400, 401, 404) },
});

export const showTeam: RouteHandler<typeof showTeamRoute, NationalEnv> = async (c) => {
  const scope = c.get("national");
  const { tenant, applicationId } = c.req.valid("param");
  const found = await applicationForTeam(scope, tenant, applicationId);
  return c.json(await teamState(scope, found.application.id), 200);
};

export const assignTeamRoute = createRoute({
  method: "post",
  operationId: "asesors.assignTeam",
  path: "/api/v1/national/applications/{tenant}/{applicationId}/team",
  tags: ["Asesors"],
  summary: "Invite asesors onto the team as lead or member, or replace one who declined (BALKS secretariat)",
  description: [
    "Only eligible asesors: an excluded one is a 400 naming the asesor and every reason, and nobody is invited.",
    "The team stays within its size with one lead; someone who declined stays on record and is replaced by inviting another.",
    "Only while the application is at asesor assignment. Send an Idempotency-Key: a retry never invites twice.",
  ].join(" "),
  security: bearerSecurity,
  middleware: [national({ roles: REGISTRY_KEEPERS_NATIONAL, write: true })] as const,
  request: { params: TeamParam, body: jsonBody(TeamAssign) },
  responses: { 201: jsonResponse(TeamView, "The team with the new invitations"), ...problems(400, 401, 404, 409) },
});

type FieldError = { path: string; message: string };

export const assignTeam: RouteHandler<typeof assignTeamRoute, NationalWriteEnv> = async (c) => {
  const scope = c.get("national");
  const { tenant, applicationId } = c.req.valid("param");
  const { members } = c.req.valid("json");
  const found = await applicationForTeam(scope, tenant, applicationId);
  if (found.application.step !== TEAM_STEP)
    throw new Problem(
      "conflict",
      "Tim asesor dibentuk pada tahap penugasan asesor / The team is formed at the asesor assignment step",
    );

  const [{ ranked, emails: emailOf }, team] = await Promise.all([
    rankedFor(scope, found),
    teamState(scope, found.application.id),
  ]);
  const errors: FieldError[] = [];
  for (const [i, m] of members.entries()) {
    const path = `members.${i}.asesorId`;
    const candidate = ranked.find((r) => r.asesor.id === m.asesorId);
    if (!candidate) {
      errors.push({ path, message: `Asesor ${m.asesorId} tidak ada / No asesor ${m.asesorId}` });
      continue;
    }
    const name = candidate.asesor.name;
    if (!candidate.eligible) {
      errors.push(
        ...candidate.reasons.map((r) => ({ path, message: `${name}: ${r.text.id} / ${name}: ${r.text.en}` })),
      );
      continue;
    }
    const onTeam = team.members.find((t) => t.asesorId === m.asesorId);
    if (onTeam)
      errors.push({
        path,
        message:
          onTeam.status === "declined"
            ? `${name} sudah menolak penugasan ini / ${name} already declined this assignment`
            : `${name} sudah ada di tim / ${name} is already on the team`,
      });
    if (members.findIndex((o) => o.asesorId === m.asesorId) !== i)
      errors.push({ path, message: `${name} dipilih dua kali / ${name} is chosen twice` });
  }
  const staying = team.members.filter((m) => m.status !== "declined");
  const size = teamRules().size;
  if (staying.length + members.length > size)
    errors.push({
      path: "members",
      message: `Tim berukuran ${size}; sudah ada ${staying.length} / The team size is ${size}; ${staying.length} already on it`,
    });
  if ([...staying, ...members].filter((m) => m.role === "lead").length > 1)
    errors.push({ path: "members", message: "Tim hanya punya satu ketua / A team has one lead" });
  if (errors.length > 0)
    throw new Problem("validation", "Asesor ini tidak dapat ditugaskan / These asesors cannot be assigned", { errors });

  const actor = c.get("principal").user.id;
  const created = members.map((m) =>
    scope.write.asesors.assign({
      tenantId: found.tenant.id,
      applicationId: found.application.id,
      asesorId: m.asesorId,
      role: m.role,
      assignedBy: actor,
    }),
  );
  const [first, ...rest] = created.map((x) => x.insert);
  if (!first) throw new Error("unreachable: members has at least one entry");
  // Each invited asesor is told by email (the registry's address: they may not have signed in yet).
  const origin = new URL(c.req.url).origin;
  const emails = members.map((m) => {
    const asesor = ranked.find((r) => r.asesor.id === m.asesorId)?.asesor;
    const email = emailOf.get(m.asesorId) ?? "";
    return scope.write.enqueueEmail(
      assignmentEmail({
        to: email,
        asesorName: asesor?.name ?? "",
        lksName: found.lks.name,
        tenantName: found.tenant.name,
        role: m.role,
        // The asesor's assignments page, where they sign the declaration and accept, or decline.
        link: `${origin}/penugasan`,
      }),
    );
  });
  await scope.write.batch([
    first,
    ...rest,
    ...emails,
    audit(c, {
      action: "application.team_invited",
      tenantId: found.tenant.id,
      targetType: "application",
      targetId: found.application.id,
      data: { members },
    }),
  ]);
  return c.json(await teamState(scope, found.application.id), 201);
};
