import { env } from "cloudflare:workers";
import { expect } from "vitest";
import { api, linkTokenFor, login } from "./helpers.ts";

/**
 * An application after the visit, for reconciliation and decision tests: at `scoring` (the steps
 * before it are other tests' business), pinned to the seeded LKSA instrument, with a team of two
 * accepted asesors (formed and accepted through the API) whose blind sheets are written straight
 * into D1 as submitted (the sheet routes are the visit-scoring tests' business).
 */
export const N = "/api/v1/national";
export const key = () => ({ "idempotency-key": crypto.randomUUID() });
const LETTER = { number: "001/LKS/2026", date: "2026-01-05", signatoryName: "Siti Aminah", signatoryPosition: "Ketua" };
const INSTRUMENT = "lksa-2025-1";

export interface Indicator {
  code: string;
  safeguarding: boolean;
  levels: { score: number }[];
}

async function instrumentIndicators(): Promise<Indicator[]> {
  const row = await env.DB.prepare("SELECT content FROM instrument_versions WHERE id = ?")
    .bind(INSTRUMENT)
    .first<{ content: string }>();
  const content = JSON.parse(row!.content) as { standards: { aspects: { indicators: Indicator[] }[] }[] };
  return content.standards.flatMap((s) => s.aspects.flatMap((a) => a.indicators));
}

async function signedInAsesor(token: string, name: string) {
  const email = `asesor.${crypto.randomUUID().slice(0, 8)}@akrab.test`;
  const created = await api(`${N}/asesors`, {
    method: "POST",
    token,
    headers: key(),
    json: {
      name,
      email,
      provinceCode: "31",
      kabKotaCode: "31.71",
      background: "academic",
      lksTypes: ["LKSA"],
      qualifications: [],
    },
  });
  expect(created.status, await created.clone().text()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  await api(`${N}/asesors/${id}/invitation`, { method: "POST", token, headers: key() });
  const accepted = await api(`/api/v1/auth/invitations/${await linkTokenFor(email, "/invite/")}/accept`, {
    method: "POST",
    json: { name, password: "kopi-tubruk-pagi-hari" },
  });
  expect(accepted.status, await accepted.clone().text()).toBe(200);
  return { id, email, name, token: ((await accepted.json()) as { token: string }).token };
}

export type Member = Awaited<ReturnType<typeof signedInAsesor>> & { assignmentId: string };

/**
 * The team's levels per indicator: `lead` and `member` map an indicator (and its index) to a level
 * of its rubric, or null for blank; `findings` are the member's safeguarding findings.
 */
export interface Sheets {
  lead: (indicator: Indicator, index: number) => number | null;
  member: (indicator: Indicator, index: number) => number | null;
  memberFindings?: { indicator: string; kind: string }[];
  /** Leave the member's sheet unsubmitted. */
  memberSubmitted?: boolean;
}

export async function scoredApplication(lksName: string, sheets: Sheets) {
  const balks = (await login("balks@akrab.test")).token;
  const id = crypto.randomUUID();
  const now = new Date().toISOString();
  await env.DB.prepare(
    "UPDATE applications SET open = 0, step = 'withdrawn' WHERE lks_id = (SELECT id FROM lks WHERE name = ?)",
  )
    .bind(lksName)
    .run();
  await env.DB.prepare(
    `INSERT INTO applications (id, tenant_id, lks_id, kind, step, workflow_version, open, letter, checklist, return_items, step_entered_at, version, instrument_version_id, created_at, updated_at)
     SELECT ?, l.tenant_id, l.id, 'first', 'asesor_assignment', (SELECT max(version) FROM workflow_versions w WHERE w.tenant_id = l.tenant_id), 1, ?, '[]', '[]', ?, 1, ?, ?, ?
     FROM lks l WHERE l.name = ?`,
  )
    .bind(id, JSON.stringify(LETTER), now, INSTRUMENT, now, now, lksName)
    .run();
  const { slug, tenantId } = (await env.DB.prepare(
    "SELECT t.slug, t.id AS tenantId FROM applications a JOIN tenants t ON t.id = a.tenant_id WHERE a.id = ?",
  )
    .bind(id)
    .first<{ slug: string; tenantId: string }>())!;

  const lead = await signedInAsesor(balks, "Dr. Sri Wahyuni");
  const member = await signedInAsesor(balks, "Bambang Prasetyo");
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
  const assignments = (await team.json()) as { members: { assignmentId: string; asesorId: string }[] };
  const withAssignment = (m: typeof lead): Member => ({
    ...m,
    assignmentId: assignments.members.find((a) => a.asesorId === m.id)!.assignmentId,
  });
  const people = { lead: withAssignment(lead), member: withAssignment(member) };
  for (const m of [people.lead, people.member]) {
    const res = await api(`/api/v1/me/assignments/${m.assignmentId}/answer`, {
      method: "POST",
      token: m.token,
      headers: key(),
      json: { answer: "accept", declare: true },
    });
    expect(res.status, await res.clone().text()).toBe(200);
  }
  await env.DB.prepare("UPDATE applications SET step = 'scoring' WHERE id = ?").bind(id).run();

  const indicators = await instrumentIndicators();
  const statements: D1PreparedStatement[] = [];
  for (const [who, m] of [
    ["lead", people.lead],
    ["member", people.member],
  ] as const) {
    const sheetId = `sheet-${m.assignmentId}`;
    const submitted = who === "lead" || sheets.memberSubmitted !== false ? now : null;
    statements.push(
      env.DB.prepare(
        "INSERT INTO score_sheets (id, tenant_id, application_id, assignment_id, asesor_id, instrument_version_id, submitted_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      ).bind(sheetId, tenantId, id, m.assignmentId, m.id, INSTRUMENT, submitted, now),
    );
    indicators.forEach((indicator, i) => {
      statements.push(
        env.DB.prepare(
          "INSERT INTO score_entries (tenant_id, sheet_id, indicator, level, note, version, updated_at) VALUES (?, ?, ?, ?, '', 1, ?)",
        ).bind(tenantId, sheetId, indicator.code, sheets[who](indicator, i), now),
      );
    });
    if (who === "member")
      for (const [i, f] of (sheets.memberFindings ?? []).entries())
        statements.push(
          env.DB.prepare(
            "INSERT INTO safeguarding_findings (id, tenant_id, sheet_id, application_id, indicator, kind, description, reported_at, received_at) VALUES (?, ?, ?, ?, ?, ?, 'Ditemukan saat wawancara', ?, ?)",
          ).bind(`finding-${id}-${i}`, tenantId, sheetId, id, f.indicator, f.kind, now, now),
        );
  }
  await env.DB.batch(statements);
  return { id, slug, tenantId, balks, ...people, indicators };
}

/** The level `steps` rubric levels from the top of an indicator's rubric (0: its full marks). */
export const fromTop = (indicator: Indicator, steps: number) =>
  indicator.levels[indicator.levels.length - 1 - steps]!.score;

/** The application's version and step, read as the tenant sees them. */
export async function applicationRow(id: string) {
  return (await env.DB.prepare("SELECT step, version, open FROM applications WHERE id = ?")
    .bind(id)
    .first<{ step: string; version: number; open: number }>())!;
}

export async function count(sql: string, ...binds: unknown[]) {
  const row = await env.DB.prepare(sql)
    .bind(...binds)
    .first<{ n: number }>();
  return row!.n;
}
