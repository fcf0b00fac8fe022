/** A visit ready to score, for the visit-scoring tests: an application at `visit` with a team of two who accepted. */
import { env } from "cloudflare:workers";
import { expect } from "vitest";
import { api, linkTokenFor, login } from "./helpers.ts";

export const N = "/api/v1/national";
export const key = () => ({ "idempotency-key": crypto.randomUUID() });
const LKS = "Panti Asuhan Kasih Bunda";
const LETTER = { number: "007/LKS/2026", date: "2026-02-05", signatoryName: "Siti Aminah", signatoryPosition: "Ketua" };

/** Two documents on the application's checklist: what Formulir C checks on site. */
const CHECKLIST = [
  { key: "akta", name: "Akta pendirian" },
  { key: "izin", name: "Izin operasional" },
].map((d) => ({
  ...d,
  description: "",
  nameEn: "",
  descriptionEn: "",
  required: true,
  acceptedTypes: ["pdf"],
  maxBytes: 10 * 1024 * 1024,
  status: "accepted",
}));

export async function count(sql: string, ...binds: unknown[]) {
  const row = await env.DB.prepare(sql)
    .bind(...binds)
    .first<{ n: number }>();
  return row!.n;
}

/** An asesor who can sign in: registered by BALKS, invited by email, invitation accepted. */
export async function signedInAsesor(balks: string, name: string) {
  const email = `asesor.${crypto.randomUUID().slice(0, 8)}@akrab.test`;
  const res = await api(`${N}/asesors`, {
    method: "POST",
    token: balks,
    headers: key(),
    json: {
      name,
      email,
      provinceCode: "31",
      kabKotaCode: "31.71",
      background: "academic",
      lksTypes: ["LKSA"],
      qualifications: [{ name: "Pelatihan Asesor LKS", date: "2024-05-02" }],
    },
  });
  expect(res.status, await res.clone().text()).toBe(201);
  const { id } = (await res.json()) as { id: string };
  await api(`${N}/asesors/${id}/invitation`, { method: "POST", token: balks, headers: key() });
  const accepted = await api(`/api/v1/auth/invitations/${await linkTokenFor(email, "/invite/")}/accept`, {
    method: "POST",
    json: { name, password: "kopi-tubruk-pagi-hari" },
  });
  expect(accepted.status).toBe(200);
  return { id, email, name, token: ((await accepted.json()) as { token: string }).token };
}

type Asesor = Awaited<ReturnType<typeof signedInAsesor>>;

export interface Visit {
  slug: string;
  applicationId: string;
  balks: string;
  lead: Asesor & { assignmentId: string };
  member: Asesor & { assignmentId: string };
  /** Indicator codes of the pinned instrument in order, with each one's rubric scores. */
  indicators: { code: string; levels: number[]; safeguarding: boolean }[];
}

/**
 * An application of Kasih Bunda on the LKSA instrument, a team of a lead and a member formed by
 * BALKS and accepted by both (with their declarations), then moved on to the visit step (the
 * `assign` transition is the asesor tests' business).
 */
export async function visitReady(): Promise<Visit> {
  const { token: balks } = await login("balks@akrab.test");
  const id = crypto.randomUUID();
  const now = new Date().toISOString();
  await env.DB.prepare(
    "UPDATE applications SET open = 0, step = 'withdrawn' WHERE lks_id = (SELECT id FROM lks WHERE name = ?)",
  )
    .bind(LKS)
    .run();
  await env.DB.prepare(
    `INSERT INTO applications (id, tenant_id, lks_id, kind, step, workflow_version, open, letter, checklist, return_items, step_entered_at, submitted_at, instrument_version_id, version, created_at, updated_at)
     SELECT ?1, l.tenant_id, l.id, 'first', 'asesor_assignment', (SELECT max(version) FROM workflow_versions w WHERE w.tenant_id = l.tenant_id), 1, ?2, ?3, '[]', ?4, ?4, 'lksa-2025-1', 1, ?4, ?4
     FROM lks l WHERE l.name = ?5`,
  )
    .bind(id, JSON.stringify(LETTER), JSON.stringify(CHECKLIST), now, LKS)
    .run();
  const { slug } = (await env.DB.prepare(
    "SELECT t.slug FROM applications a JOIN tenants t ON t.id = a.tenant_id WHERE a.id = ?",
  )
    .bind(id)
    .first<{ slug: string }>())!;
  const lead = await signedInAsesor(balks, "Ani Ketua");
  const member = await signedInAsesor(balks, "Budi Anggota");
  const team = await api(`${N}/applications/${slug}/${id}/team`, {
    method: "POST",
    token: balks,
    headers: key(),
    json: {
      members: [
        { asesorId: lead.id, role: "lead" },
        { asesorId: member.id, role: "member" },
      ],
    },
  });
  expect(team.status, await team.clone().text()).toBe(201);
  const members = ((await team.json()) as { members: { asesorId: string; assignmentId: string }[] }).members;
  const assignmentOf = (asesorId: string) => members.find((m) => m.asesorId === asesorId)!.assignmentId;
  for (const a of [lead, member]) {
    const res = await api(`/api/v1/me/assignments/${assignmentOf(a.id)}/answer`, {
      method: "POST",
      token: a.token,
      headers: key(),
      json: { answer: "accept", declare: true },
    });
    expect(res.status, await res.clone().text()).toBe(200);
  }
  await env.DB.prepare("UPDATE applications SET step = 'visit' WHERE id = ?").bind(id).run();
  const pack = await api(`/api/v1/me/assignments/${assignmentOf(lead.id)}/pack`, { token: lead.token });
  expect(pack.status, await pack.clone().text()).toBe(200);
  const { instrument } = (await pack.json()) as {
    instrument: {
      standards: {
        aspects: { indicators: { code: string; safeguarding: boolean; levels: { score: number }[] }[] }[];
      }[];
    };
  };
  const indicators = instrument.standards.flatMap((s) =>
    s.aspects.flatMap((a) =>
      a.indicators.map((i) => ({ code: i.code, levels: i.levels.map((l) => l.score), safeguarding: i.safeguarding })),
    ),
  );
  return {
    slug,
    applicationId: id,
    balks,
    lead: { ...lead, assignmentId: assignmentOf(lead.id) },
    member: { ...member, assignmentId: assignmentOf(member.id) },
    indicators,
  };
}

export const sheetPath = (assignmentId: string) => `/api/v1/me/assignments/${assignmentId}/sheet`;

export interface SheetBody {
  entries: { indicator: string; level: number | null; note: string; version: number }[];
  findings: { id: string; indicator: string; kind: string; description: string; reportedAt: string }[];
  documentChecks: { code: string; present: boolean | null; note: string; version: number }[];
  photos: { documentId: string; photoId: string; indicator: string; takenAt: string; latitude: number | null }[];
  submittedAt: string | null;
  missing: { field: string }[];
  mayEdit: boolean;
}

export function saveSheet(asesor: { token: string; assignmentId: string }, json: unknown, headers = key()) {
  return api(sheetPath(asesor.assignmentId), { method: "PUT", token: asesor.token, headers, json });
}

/** Every indicator at the given rubric step (0: the lowest level), and every document checked. */
export function fullBatch(visit: Visit, step: (code: string, i: number) => number = () => 1) {
  return {
    entries: visit.indicators.map((ind, i) => ({
      indicator: ind.code,
      level: ind.levels[Math.min(step(ind.code, i), ind.levels.length - 1)]!,
      note: "",
      baseVersion: 0,
    })),
    documentChecks: CHECKLIST.map((d) => ({ code: d.key, present: true, note: "", baseVersion: 0 })),
  };
}

export function submitSheet(asesor: { token: string; assignmentId: string }) {
  return api(`${sheetPath(asesor.assignmentId)}/submit`, { method: "POST", token: asesor.token, headers: key() });
}
