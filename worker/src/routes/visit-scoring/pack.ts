import { VisitPack, type ApplicationView } from "@akrab/contracts";
import { createRoute, type RouteHandler } from "@hono/zod-openapi";
import type { NationalEnv } from "../../env.ts";
import { bearerSecurity, jsonResponse, problems } from "../../lib/openapi.ts";
import { national } from "../../middleware/national/index.ts";
import { presentInstrument } from "../../services/instruments.ts";
import { instrumentForApplication, previousCycleOf, selfAssessmentOf } from "../../services/self-assessment.ts";
import { acceptedTeam, mySheet, myVisit } from "../../services/visit-scoring.ts";
import { AssignmentParam } from "../asesors/params.ts";
import { TAG } from "./params.ts";

/** What keeping the evidence previews beside the pack costs, told by a HEAD with the pack's own length. */
const THUMBNAILS_HEADER = "akrab-thumbnails-length";

export const visitPackRoute = createRoute({
  method: "get",
  operationId: "visit.pack",
  path: "/api/v1/me/assignments/{assignmentId}/pack",
  tags: [TAG],
  summary: "The visit pack: everything the asesor needs on site without a network, and its size",
  description: [
    "The LKS's profile as far as the visit needs it (no board members, no NIK), the application letter, the LKS's self-assessment with its evidence listed by size and, for images, a thumbnail's address and size (the app keeps the thumbnails beside the pack; originals are fetched from /documents on request, so the pack stays small), the pinned instrument, the previous cycle, the document checklist for Formulir C, the team, and the asesor's own sheet to start the device from.",
    "`size.pack` is this answer's size in bytes; `size.evidence` what downloading every original would add.",
    "A HEAD request answers the same `Content-Length` without the body, and `Akrab-Thumbnails-Length` (= `size.thumbnails`): together the size the app shows before the download.",
    "Only the caller's own accepted assignment: an invitation not yet accepted, another asesor's assignment and another tenant's application are a 404.",
  ].join(" "),
  security: bearerSecurity,
  middleware: [national({ roles: ["asesor"] })] as const,
  request: { params: AssignmentParam },
  responses: {
    200: {
      ...jsonResponse(VisitPack, "The pack"),
      headers: {
        "Akrab-Thumbnails-Length": {
          description: "Bytes of every evidence thumbnail together (size.thumbnails), for a HEAD",
          schema: { type: "integer" },
        },
      },
    },
    ...problems(401, 404),
  },
});

const text = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : null);
const count = (value: unknown): number | null => (typeof value === "number" && Number.isInteger(value) ? value : null);

export const visitPack: RouteHandler<typeof visitPackRoute, NationalEnv> = async (c) => {
  const visit = await myVisit(c, c.req.valid("param").assignmentId);
  const { scope, app, assignment } = visit;
  const on = await instrumentForApplication(scope, app);
  const [lks, team, selfAssessment, previousCycle, sheet] = await Promise.all([
    scope.lks.find(app.lksId),
    acceptedTeam(scope, app.id),
    selfAssessmentOf(scope, app.id),
    previousCycleOf(scope, app),
    mySheet(visit, on),
  ]);
  const checklistIds = app.checklist.flatMap((item) => (item.documentId ? [item.documentId] : []));
  const versions = await scope.documents.versionsOf([
    ...new Set([...selfAssessment.evidence.map((e) => e.documentId), ...checklistIds]),
  ]);
  // Versions come newest first: the first of each document is the one the pack lists.
  const newest = (documentId: string) => versions.find((v) => v.documentId === documentId) ?? null;
  const evidence = await Promise.all(
    selfAssessment.evidence.map(async (e) => {
      const v = newest(e.documentId);
      return { ...e, version: v?.version ?? 1, thumbnail: v ? await thumbnailOf(c.env.DOCS, app.tenantSlug, v) : null };
    }),
  );
  const profile = (lks?.profile ?? {}) as Record<string, unknown>;
  const address = (profile.address ?? {}) as Record<string, unknown>;
  const location = profile.location as { latitude?: unknown; longitude?: unknown } | undefined;
  const pack = {
    assignment: { id: assignment.id, role: assignment.role, acceptedAt: assignment.declaredAt },
    team: team.map((m) => ({ asesorId: m.asesorId, name: m.name, role: m.role })),
    tenant: { slug: app.tenantSlug, name: app.tenantName },
    application: {
      id: app.id,
      kind: app.kind,
      step: app.step,
      submittedAt: app.submittedAt,
      letter: app.letter as ApplicationView["letter"],
    },
    lks: {
      id: app.lksId,
      name: app.lksName,
      types: lks?.types ?? [],
      serviceMode: lks?.serviceMode ?? "",
      address: {
        street: text(address.street) ?? "",
        regionCode: lks?.regionCode ?? "",
        districtCode: lks?.districtCode ?? "",
      },
      location:
        typeof location?.latitude === "number" && typeof location.longitude === "number"
          ? { latitude: location.latitude, longitude: location.longitude }
          : null,
      phone: text(profile.phone),
      capacity: count(profile.capacity),
      currentClients: count(profile.currentClients),
      staffCount: count(profile.staffCount),
    },
    instrument: presentInstrument(on.row),
    selfAssessment: {
      answers: selfAssessment.answers.map((a) => ({
        indicator: a.indicator,
        level: a.level,
        note: a.note,
        version: a.version,
        updatedAt: a.updatedAt,
      })),
      evidence,
    },
    checklist: app.checklist.map((item) => {
      const v = item.documentId ? newest(item.documentId) : null;
      return {
        code: item.key,
        name: { id: item.name, en: item.nameEn || item.name },
        required: item.required,
        documentId: item.documentId ?? null,
        filename: v?.filename ?? null,
        size: v?.size ?? null,
      };
    }),
    previousCycle,
    sheet,
    size: {
      pack: 0,
      evidence: evidence.reduce((sum, e) => sum + e.size, 0),
      thumbnails: evidence.reduce((sum, e) => sum + (e.thumbnail?.size ?? 0), 0),
    },
    generatedAt: new Date().toISOString(),
  };
  pack.size.pack = packSize(pack);
  // Stated so that a HEAD (which hono answers by running this GET and dropping the body) tells the
  // asesor the pack's size before they spend their data on it.
  return c.json(pack, 200, {
    "content-length": String(pack.size.pack),
    [THUMBNAILS_HEADER]: String(pack.size.thumbnails),
  });
};

/**
 * An image's preview as the pack lists it. Its size is kept beside its key since migration 0026;
 * a preview stored before that is measured in R2 (once per pack, and only for those).
 */
async function thumbnailOf(
  docs: R2Bucket,
  tenantSlug: string,
  v: { documentId: string; version: number; thumbnailKey: string | null; thumbnailSize: number | null },
): Promise<{ url: string; size: number } | null> {
  if (!v.thumbnailKey) return null;
  const size = v.thumbnailSize ?? (await docs.head(v.thumbnailKey))?.size;
  if (size === undefined) return null;
  const path = `/api/v1/t/${encodeURIComponent(tenantSlug)}/documents/${encodeURIComponent(v.documentId)}/thumbnail`;
  return { url: `${path}?version=${v.version}`, size };
}

/**
 * The pack's own size in bytes, as sent (compact JSON, UTF-8), counting the number that states it:
 * a second pass settles the digits that number adds.
 */
function packSize(pack: { size: { pack: number } }): number {
  const bytes = () => new TextEncoder().encode(JSON.stringify(pack)).byteLength;
  let size = bytes();
  for (let i = 0; i < 3; i++) {
    pack.size.pack = size;
    const next = bytes();
    if (next === size) break;
    size = next;
  }
  return size;
}
