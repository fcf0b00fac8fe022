/**
 * Photo size before and after the web app's own downscaler (for `bench/run.ts`): a 12 MP phone
 * photo (4000 × 3000 JPEG, quality 90, with sky, façades, foliage and sensor noise) is picked in
 * the real built application page in Chromium, as an LKS operator would, and the size the upload
 * queue is about to send is read from the page (the queue item's `data-size`). The creation POST
 * is blocked, so no byte leaves the browser; the queued file is cancelled afterwards.
 *
 * `benchPhotoDownscale(baseUrl)` needs a running server (e2e/bench setup, demo data). It registers
 * a fresh LKS in Kota Tangerang for the purpose (`registerLksWithApplication`, also used by
 * tests/e2e/documents.test.ts), so it never touches the demo LKS's applications.
 *
 * Standalone: `tsx bench/photo.ts` starts its own server on port 8794 (AKRAB_BENCH_PORT), or uses
 * a running one with AKRAB_BENCH_URL=http://127.0.0.1:8791.
 */
import { mulberry32 } from "../tests/support/fault-proxy.ts";
import { randomBytes } from "node:crypto";
import { pathToFileURL } from "node:url";
import jpeg from "jpeg-js";
import type { Browser } from "playwright-core";
import { launchChromium } from "../tests/support/chromium.ts";

const DEMO_PASSWORD = "Akrab-Demo-2026!";
const TENANT = "kota-tangerang";
/**
 * Two requirements of the default checklist: `formulir_b` accepts WebP (the photo goes out as WebP,
 * where the browser encodes it), `npwp` only PDF/JPEG/PNG (it goes out as JPEG, as it would from
 * Safari, which cannot encode WebP).
 */
const REQUIREMENTS = [
  { key: "formulir_b", label: "Formulir B (WebP accepted)" },
  { key: "npwp", label: "NPWP (JPEG/PNG/PDF only)" },
] as const;

// ---------------------------------------------------------------------------------------------
// The photo

/**
 * A phone-like photo: a sky gradient, building façades with window grids, a band of foliage
 * (high-frequency texture), a road, soft shading and sensor noise. JPEG at `quality` (0–100).
 */
function makePhonePhoto(width = 4000, height = 3000, quality = 90, seed = 20261122): Buffer {
  const random = mulberry32(seed);
  const data = Buffer.alloc(width * height * 4);
  const horizon = Math.round(height * 0.42);
  const ground = Math.round(height * 0.8);
  // Façades: [x0, x1, top, r, g, b, window pitch]
  const buildings: number[][] = [];
  for (let x = 0; x < width; ) {
    const w = Math.round(width * (0.08 + random() * 0.12));
    buildings.push([
      x,
      x + w,
      Math.round(height * (0.12 + random() * 0.3)),
      120 + random() * 100,
      100 + random() * 90,
      80 + random() * 80,
      40 + Math.round(random() * 40),
    ]);
    x += w;
  }
  const clamp = (v: number) => Math.max(0, Math.min(v, 255));
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let r: number;
      let g: number;
      let b: number;
      const building = buildings.find((bd) => x >= bd[0]! && x < bd[1]!)!;
      if (y < building[2]! && y < ground) {
        // Sky: blue to pale towards the horizon, with soft clouds.
        const t = y / horizon;
        const cloud = Math.max(0, Math.sin(x / 310 + y / 190) * Math.sin(x / 97 - y / 143)) * 60;
        r = 90 + t * 90 + cloud;
        g = 140 + t * 70 + cloud;
        b = 215 + t * 25 + cloud * 0.5;
      } else if (y < ground - height * 0.08) {
        // Façade with windows.
        const pitch = building[6]!;
        const inWindow = (x - building[0]!) % pitch > pitch * 0.3 && (y - building[2]!) % (pitch * 1.4) > pitch * 0.45;
        const shade = 0.75 + 0.25 * Math.sin((x - building[0]!) / 60);
        r = inWindow ? 40 + 30 * Math.sin(x / 13) : building[3]! * shade;
        g = inWindow ? 60 + 30 * Math.sin(y / 17) : building[4]! * shade;
        b = inWindow ? 80 + 40 * Math.sin((x + y) / 23) : building[5]! * shade;
      } else if (y < ground) {
        // Foliage: busy texture that JPEG cannot compress well.
        const leaf = random() * 80 + 40 * Math.sin(x / 5) * Math.cos(y / 7);
        r = 40 + leaf * 0.5;
        g = 90 + leaf;
        b = 35 + leaf * 0.3;
      } else {
        // Road with lane marks.
        const mark =
          Math.abs(((x + (y - ground) * 0.6) % 400) - 200) < 30 && Math.abs(y - (ground + height * 0.1)) < 12;
        r = mark ? 230 : 90 + 20 * Math.sin(x / 41);
        g = mark ? 225 : 88 + 20 * Math.sin(x / 41);
        b = mark ? 200 : 85 + 20 * Math.sin(x / 41);
      }
      // Sensor noise (roughly gaussian: the sum of two uniforms).
      const noise = (random() + random() - 1) * 10;
      const i = (y * width + x) * 4;
      data[i] = clamp(r + noise);
      data[i + 1] = clamp(g + noise);
      data[i + 2] = clamp(b + noise);
      data[i + 3] = 255;
    }
  }
  return Buffer.from(jpeg.encode({ data, width, height }, quality).data);
}

// ---------------------------------------------------------------------------------------------
// An LKS with a draft application

async function call(
  baseUrl: string,
  path: string,
  init: { method?: string; body?: unknown; cookie?: string; headers?: Record<string, string> } = {},
): Promise<Response> {
  const headers: Record<string, string> = { origin: baseUrl, accept: "application/json", ...init.headers };
  if (init.body !== undefined) headers["content-type"] = "application/json";
  if (init.cookie) headers.cookie = init.cookie;
  return fetch(`${baseUrl}${path}`, {
    method: init.method ?? "GET",
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

async function expectStatus<T>(response: Response, what: string, status: number): Promise<T> {
  const text = await response.text();
  if (response.status !== status) throw new Error(`${what}: HTTP ${response.status} (expected ${status}): ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Logs in through the API and returns the session cookie. */
async function sessionCookie(baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<string> {
  const response = await call(baseUrl, "/api/v1/auth/login", { method: "POST", body: { email, password } });
  await expectStatus(response.clone(), `login ${email}`, 200);
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
}

export interface LksWithApplication {
  tenant: string;
  lksId: string;
  name: string;
  email: string;
  password: string;
  applicationId: string;
}

/**
 * A fresh LKS in Kota Tangerang with its own operator and a draft application: registered through
 * the public form, the operator's email confirmed through the outbox (platform admin), verified by
 * the Kota Tangerang verifier. Nothing else touches it, so tests and benches running side by side
 * cannot move its application under it.
 */
export async function registerLksWithApplication(
  baseUrl: string,
  prefix = "Panti Asuhan Uji Dokumen",
): Promise<LksWithApplication> {
  const digits = (n: number) => Array.from(randomBytes(n), (b) => String(b % 10)).join("");
  const tag = `${Date.now().toString(36)}${randomBytes(2).toString("hex")}`;
  const name = `${prefix} ${digits(4)}`;
  const email = `operator.${tag}@akrab.test`;
  const password = `unggah dokumen ${digits(6)}`;
  const profile = {
    name,
    legalForm: "non_badan_hukum",
    legalisation: { number: "470/21/Kel.Skr/2020", date: "2020-02-03" },
    npwp: digits(15),
    address: {
      street: "Jl. Daan Mogot No. 12",
      provinceCode: "36",
      regencyCode: "36.71",
      districtCode: "36.71.01",
      villageCode: "36.71.01.1001",
    },
    phone: "0812 3456 7891",
    email: "pengurus@contoh.test",
    board: [{ name: "Siti Rahmawati", position: "Ketua", idNumber: "3671014506800003" }],
    types: ["LKSA"],
    serviceMode: "dalam_panti",
    ppks: ["anak_terlantar"],
    capacity: 30,
    currentClients: 24,
    staffCount: 6,
  };
  const { lksId } = await expectStatus<{ lksId: string }>(
    await call(baseUrl, "/api/v1/public/lks-registrations", {
      method: "POST",
      body: { lks: profile, operator: { name: "Siti Rahmawati", email, password } },
    }),
    "register the LKS",
    201,
  );
  const admin = await sessionCookie(baseUrl, "admin@akrab.test");
  const outbox = await expectStatus<{ items: { recipient: string; body: string }[] }>(
    await call(baseUrl, "/api/v1/national/outbox?limit=50", { cookie: admin }),
    "read the outbox",
    200,
  );
  const token = /\/verify-email\/([\w-]+)/.exec(
    outbox.items.find((message) => message.recipient === email)?.body ?? "",
  )?.[1];
  if (!token) throw new Error(`no verification link for ${email} in the outbox`);
  await expectStatus(
    await call(baseUrl, "/api/v1/auth/verify-email", { method: "POST", body: { token } }),
    "confirm the operator's email",
    204,
  );
  const verifier = await sessionCookie(baseUrl, "dinsos.kota-tangerang@akrab.test");
  await expectStatus(
    await call(baseUrl, `/api/v1/t/${TENANT}/lks/${lksId}/verify`, {
      method: "POST",
      cookie: verifier,
      body: {
        tandaDaftar: {
          number: `460/${digits(4)}/Dinsos`,
          issuer: "Dinas Sosial Kota Tangerang",
          issuedAt: "2025-01-10",
          expiresAt: "2030-01-09",
        },
      },
    }),
    "verify the LKS",
    200,
  );
  const operator = await sessionCookie(baseUrl, email, password);
  const application = await expectStatus<{ id: string }>(
    await call(baseUrl, `/api/v1/t/${TENANT}/applications`, {
      method: "POST",
      cookie: operator,
      headers: { "idempotency-key": randomBytes(12).toString("hex") },
      body: {
        lksId,
        kind: "first",
        letter: {
          number: "031/PADU/2026",
          date: "2026-02-01",
          signatoryName: "Siti Rahmawati",
          signatoryPosition: "Ketua",
        },
      },
    }),
    "create the application",
    201,
  );
  return { tenant: TENANT, lksId, name, email, password, applicationId: application.id };
}

// ---------------------------------------------------------------------------------------------
// The measurement

export interface PhotoRow {
  requirement: string;
  originalBytes: number;
  downscaledBytes: number;
  /** downscaled / original */
  ratio: number;
  filename: string;
  seconds: number;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

/** Picks the photo in the application page for each requirement and reads what the upload queue would send. */
export async function benchPhotoDownscale(
  baseUrl: string,
  options: { browser?: Browser; photo?: Buffer } = {},
): Promise<PhotoRow[]> {
  const photo = options.photo ?? makePhonePhoto();
  const target = await registerLksWithApplication(baseUrl, "Panti Asuhan Uji Foto");
  const browser = options.browser ?? (await launchChromium());
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width: 360, height: 740 },
    locale: "id-ID",
    serviceWorkers: "block",
  });
  const rows: PhotoRow[] = [];
  try {
    const page = await context.newPage();
    const login = await page.request.post("/api/v1/auth/login", {
      data: { email: target.email, password: target.password },
      headers: { origin: baseUrl },
    });
    if (!login.ok()) throw new Error(`login failed: ${login.status()}`);
    // No byte leaves the browser: the tus creation POST fails as if offline, and the file waits in the queue.
    await page.route("**/api/v1/t/*/uploads", (route) =>
      route.request().method() === "POST" ? route.abort("internetdisconnected") : route.continue(),
    );
    await page.goto(`/permohonan/${target.applicationId}?t=${target.tenant}`);
    for (const requirement of REQUIREMENTS) {
      const input = page.locator(`#upload-${requirement.key}`);
      await input.waitFor({ state: "attached" });
      const started = Date.now();
      await input.setInputFiles({ name: "IMG_20261122_093000.jpg", mimeType: "image/jpeg", buffer: photo });
      const item = page.locator(
        `[data-testid="upload-item"][data-requirement="${requirement.key}"]:not([data-state="preparing"])`,
      );
      await item.waitFor({ timeout: 60_000 });
      const seconds = (Date.now() - started) / 1000;
      const downscaledBytes = Number(await item.getAttribute("data-size"));
      const originalBytes = Number(await item.getAttribute("data-original-size"));
      const filename = (await item.locator(".filename").innerText()).trim();
      if (originalBytes !== photo.length)
        throw new Error(`the page saw ${originalBytes} bytes, the photo has ${photo.length}`);
      // Leave nothing behind on the device.
      await item.getByRole("button", { name: /^Batalkan/ }).click();
      await item.waitFor({ state: "detached" });
      rows.push({
        requirement: requirement.label,
        originalBytes,
        downscaledBytes,
        ratio: downscaledBytes / originalBytes,
        filename,
        seconds,
      });
    }
  } finally {
    await context.close();
    if (!options.browser) await browser.close();
  }
  console.log(
    "Phone photo before upload: the web app's own downscaler in Chromium (longest side ≤ 1600 px, quality 0.82)",
  );
  console.table(
    rows.map((row) => ({
      photo: "4000 × 3000 JPEG q90",
      requirement: row.requirement,
      original: kb(row.originalBytes),
      "sent instead": `${kb(row.downscaledBytes)} (${row.filename})`,
      "sent / original": `${(row.ratio * 100).toFixed(1)} %`,
      reduction: `${(row.originalBytes / row.downscaledBytes).toFixed(1)} ×`,
      "prepared in": `${row.seconds.toFixed(1)} s`,
    })),
  );
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const external = process.env.AKRAB_BENCH_URL;
  const { startLocalServer } = await import("../tests/support/local-server.ts");
  const server = external ? null : await startLocalServer({ port: Number(process.env.AKRAB_BENCH_PORT ?? 8794) });
  try {
    await benchPhotoDownscale(external ?? server!.url);
  } finally {
    await server?.stop();
  }
}
