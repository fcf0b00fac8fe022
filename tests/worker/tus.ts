/** A minimal tus 1.0.0 client for the Worker tests: each call is one protocol request. */
import { env } from "cloudflare:workers";
import { api } from "./helpers.ts";

export const MiB = 1024 * 1024;

export interface UploadTargetMeta {
  applicationId?: string;
  requirement?: string;
  indicator?: string;
  lksId?: string;
  profileField?: string;
}

export function metadata(fields: Record<string, string>): string {
  return Object.entries(fields)
    .map(([key, value]) => `${key} ${btoa(String.fromCharCode(...new TextEncoder().encode(value)))}`)
    .join(",");
}

export async function sha256Hex(bytes: Uint8Array | ArrayBuffer): Promise<string> {
  return [...new Uint8Array(await crypto.subtle.digest("SHA-256", bytes))]
    .map((b) => b.toString(16).padStart(2, "0"))
    .join("");
}

/** Random bytes behind a real file signature, so type sniffing sees a JPEG (or PDF). */
export function fakeFile(size: number, kind: "jpeg" | "pdf" | "png" = "jpeg", seed = 1): Uint8Array {
  const bytes = new Uint8Array(size);
  let x = seed * 2654435761;
  for (let i = 0; i < size; i += 4) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[i] = x & 0xff;
    bytes[i + 1] = (x >>> 8) & 0xff;
    bytes[i + 2] = (x >>> 16) & 0xff;
    bytes[i + 3] = (x >>> 24) & 0xff;
  }
  const signature = {
    jpeg: [0xff, 0xd8, 0xff, 0xe0],
    pdf: [...new TextEncoder().encode("%PDF-1.7\n")],
    png: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  }[kind];
  bytes.set(signature, 0);
  return bytes;
}

export async function createUpload(
  tenant: string,
  token: string,
  file: Uint8Array,
  target: UploadTargetMeta,
  opts: { filename?: string; filetype?: string; sha256?: string; length?: number; body?: Uint8Array } = {},
): Promise<Response> {
  const meta = metadata({
    filename: opts.filename ?? "bukti.jpg",
    filetype: opts.filetype ?? "image/jpeg",
    sha256: opts.sha256 ?? (await sha256Hex(file)),
    ...(target as Record<string, string>),
  });
  return api(`/api/v1/t/${tenant}/uploads`, {
    method: "POST",
    token,
    headers: {
      "tus-resumable": "1.0.0",
      "upload-length": String(opts.length ?? file.byteLength),
      "upload-metadata": meta,
      ...(opts.body ? { "content-type": "application/offset+octet-stream" } : {}),
    },
    ...(opts.body ? { body: opts.body } : {}),
  });
}

export function pathOf(location: string): string {
  return new URL(location).pathname;
}

export function head(path: string, token: string): Promise<Response> {
  return api(path, { method: "HEAD", token, headers: { "tus-resumable": "1.0.0" } });
}

export function patch(
  path: string,
  token: string,
  offset: number,
  body: Uint8Array | ReadableStream<Uint8Array>,
): Promise<Response> {
  return api(path, {
    method: "PATCH",
    token,
    headers: {
      "tus-resumable": "1.0.0",
      "upload-offset": String(offset),
      "content-type": "application/offset+octet-stream",
    },
    body,
    ...(body instanceof ReadableStream ? { duplex: "half" } : {}),
  } as RequestInit);
}

/** A body that delivers `bytes` and then breaks, as a connection cut mid-request does. */
export function droppingBody(bytes: Uint8Array, chunk = 64 * 1024): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream({
    async pull(controller) {
      if (at < bytes.byteLength) {
        controller.enqueue(bytes.slice(at, at + chunk));
        at += chunk;
        return;
      }
      // Give the bytes time to arrive, then break the connection.
      await new Promise((resolve) => setTimeout(resolve, 50));
      controller.error(new Error("connection reset"));
    },
  });
}

/** Sends `file[from..]` in chunks of the given sizes (cycled); returns the last response. */
export async function sendAll(
  path: string,
  token: string,
  file: Uint8Array,
  chunkSizes: number[],
  from = 0,
): Promise<Response> {
  let offset = from;
  let last: Response | undefined;
  for (let i = 0; offset < file.byteLength; i++) {
    const size = chunkSizes[i % chunkSizes.length]!;
    last = await patch(path, token, offset, file.slice(offset, offset + size));
    if (last.status !== 204) return last;
    offset = Number(last.headers.get("upload-offset"));
  }
  return last!;
}

/**
 * Uploads a small PDF for every required document the application still lacks (missing or
 * returned), each in one creation-with-upload request, and returns the application as it is then:
 * the LKS's submit and resubmit require the checklist (issue 10) and, unless told not to, a complete
 * self-assessment (issue 12).
 */
export async function uploadRequiredDocuments<A extends { id: string; checklist: { key: string; status: string }[] }>(
  tenant: string,
  token: string,
  app: A,
  opts: { selfAssessment?: boolean } = {},
): Promise<A> {
  const wanted = (app.checklist as { key: string; status: string; required?: boolean }[]).filter(
    (item) => item.required !== false && (item.status === "missing" || item.status === "returned"),
  );
  for (const [index, item] of wanted.entries()) {
    const file = fakeFile(2048, "pdf", index + 7);
    const res = await createUpload(
      tenant,
      token,
      file,
      { applicationId: app.id, requirement: item.key },
      { filename: `${item.key}.pdf`, filetype: "application/pdf", body: file },
    );
    if (res.status !== 201) throw new Error(`upload of ${item.key}: ${res.status} ${await res.text()}`);
  }
  if (opts.selfAssessment !== false) await completeSelfAssessment(tenant, token, app.id);
  return (await (await api(`/api/v1/t/${tenant}/applications/${app.id}`, { token })).json()) as A;
}

/**
 * Answers every indicator still blank (at its top level) and gives every indicator still without
 * evidence a checklist document: the LKS's hand-over requires a complete self-assessment (issue 12).
 * The answers go through the API; the links are written straight to D1 (one per indicator would be
 * a request each; linking itself is proven in self-assessment.test.ts).
 */
export async function completeSelfAssessment(tenant: string, token: string, applicationId: string): Promise<void> {
  const path = `/api/v1/t/${tenant}/applications/${applicationId}/self-assessment`;
  const res = await api(path, { token });
  if (res.status === 404) return; // no instrument applies to this LKS: nothing to assess
  const view = (await res.json()) as {
    instrument: { standards: { aspects: { indicators: { code: string; levels: { score: number }[] }[] }[] }[] };
    missing: { indicator: string; missing: "answer" | "evidence" }[];
  };
  const indicators = view.instrument.standards.flatMap((s) => s.aspects.flatMap((a) => a.indicators));
  const blank = new Set(view.missing.filter((m) => m.missing === "answer").map((m) => m.indicator));
  if (blank.size > 0) {
    const answers = indicators
      .filter((i) => blank.has(i.code))
      .map((i) => ({ indicator: i.code, level: Math.max(...i.levels.map((l) => l.score)), note: "", baseVersion: 0 }));
    const saved = await api(`${path}/answers`, { method: "PUT", token, json: { answers } });
    if (saved.status !== 200) throw new Error(`self-assessment answers: ${saved.status} ${await saved.text()}`);
  }
  const bare = view.missing.filter((m) => m.missing === "evidence").map((m) => m.indicator);
  if (bare.length === 0) return;
  const doc = await env.DB.prepare(
    "SELECT id, tenant_id FROM documents WHERE application_id = ? AND requirement IS NOT NULL LIMIT 1",
  )
    .bind(applicationId)
    .first<{ id: string; tenant_id: string }>();
  if (!doc) throw new Error("completeSelfAssessment needs a checklist document to link as evidence");
  await env.DB.batch(
    bare.map((code) =>
      env.DB.prepare(
        "INSERT OR IGNORE INTO indicator_evidence (tenant_id, application_id, indicator, document_id, linked_by, linked_at) VALUES (?, ?, ?, ?, NULL, ?)",
      ).bind(doc.tenant_id, applicationId, code, doc.id, new Date().toISOString()),
    ),
  );
}
