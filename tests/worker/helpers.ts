import { env, exports } from "cloudflare:workers";
import { expect } from "vitest";
import { checkContract } from "./contract.ts";

export const ORIGIN = "https://akrab.test";
export const DEMO_PASSWORD = "Akrab-Demo-2026!";

/**
 * A request to the Worker's own fetch handler, as the edge would deliver it. Its response is
 * checked against the OpenAPI document (see contract.ts): an undocumented one fails the test.
 */
export async function api(
  path: string,
  init: RequestInit & { json?: unknown; token?: string; ip?: string } = {},
): Promise<Response> {
  const headers = new Headers(init.headers);
  if (init.json !== undefined) headers.set("content-type", "application/json");
  if (init.token) headers.set("authorization", `Bearer ${init.token}`);
  headers.set("cf-connecting-ip", init.ip ?? "203.0.113.10");
  const body = init.json !== undefined ? JSON.stringify(init.json) : init.body;
  const request = new Request(`${ORIGIN}${path}`, { ...init, headers, body });
  const response = await exports.default.fetch(request);
  await checkContract(request, response);
  return response;
}

export async function login(email: string, password = DEMO_PASSWORD, ip?: string) {
  const res = await api("/api/v1/auth/login", { method: "POST", json: { email, password }, ...(ip ? { ip } : {}) });
  expect(res.status, await res.clone().text()).toBe(200);
  const body = (await res.json()) as {
    token: string;
    memberships: { id: string; role: string; tenant: { slug: string } | null }[];
  };
  return { token: body.token, memberships: body.memberships, cookie: sessionCookie(res) };
}

/** The `name=value` pair of the session cookie a response set. */
function sessionCookie(res: Response): string {
  const header = res.headers.get("set-cookie") ?? "";
  const match = header.match(/(__Host-akrab_session=[^;]*)/);
  if (!match) throw new Error(`No session cookie in: ${header}`);
  return match[1]!;
}

export async function expectProblem(res: Response, status: number, type: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  const body = (await res.json()) as {
    type: string;
    title: string;
    status: number;
    detail: string;
    errors?: { path: string; message: string }[];
  };
  expect(body.type).toBe(`urn:akrab:problem:${type}`);
  expect(body.status).toBe(status);
  expect(body.title).toBeTruthy();
  expect(body.detail).toBeTruthy();
  return body;
}

export async function outboxFor(recipient: string) {
  const { results } = await env.DB.prepare(
    "SELECT subject, body FROM outbox WHERE recipient = ? ORDER BY created_at, id",
  )
    .bind(recipient)
    .all<{ subject: string; body: string }>();
  return results;
}

/** The one-time token in the newest emailed link of the given path (e.g. "/invite/"). */
export async function linkTokenFor(recipient: string, path: string): Promise<string> {
  const mails = await outboxFor(recipient);
  const match = mails.at(-1)?.body.match(new RegExp(`${ORIGIN}${path}([A-Za-z0-9_-]+)`));
  if (!match) throw new Error(`No ${path} link emailed to ${recipient}`);
  return match[1]!;
}

export async function auditActions(filter: { action?: string; actorEmail?: string } = {}) {
  const { results } = await env.DB.prepare(
    `SELECT a.action, a.tenant_id, a.ip, a.target_type, a.data, u.email AS actor
     FROM audit_events a LEFT JOIN users u ON u.id = a.actor_user_id
     WHERE (?1 IS NULL OR a.action = ?1) AND (?2 IS NULL OR u.email = ?2) ORDER BY a.created_at, a.id`,
  )
    .bind(filter.action ?? null, filter.actorEmail ?? null)
    .all<{
      action: string;
      tenant_id: string | null;
      ip: string | null;
      target_type: string | null;
      data: string | null;
      actor: string | null;
    }>();
  return results;
}
