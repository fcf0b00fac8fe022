import { mkdirSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { launchChromium } from "../support/chromium.ts";
import { contractChecker } from "../support/contract.ts";
import { makePdf, sha256Hex, tusUpload } from "../support/tus-node-client.ts";
import { expect, inject } from "vitest";

export const DEMO_PASSWORD = "Akrab-Demo-2026!";
export const baseUrl = (): string => inject("baseUrl");

const SCREENSHOTS = new URL("./screenshots/", import.meta.url);
mkdirSync(SCREENSHOTS, { recursive: true });

export function launch(): Promise<Browser> {
  return launchChromium();
}

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Console messages about Content-Security-Policy violations seen so far. */
  cspViolations: string[];
  /** Uncaught page errors seen so far. */
  pageErrors: string[];
}

/** A fresh browser context (own cookies, storage and service worker) with one page. */
export async function open(browser: Browser, viewport = { width: 1100, height: 800 }): Promise<Session> {
  const context = await browser.newContext({
    baseURL: baseUrl(),
    viewport,
    locale: "id-ID",
    timezoneId: "Asia/Jakarta",
  });
  const page = await context.newPage();
  const cspViolations: string[] = [];
  const pageErrors: string[] = [];
  page.on("console", (message) => {
    const text = message.text();
    if (/content security policy|refused to (execute|load|apply|connect)/i.test(text)) cspViolations.push(text);
  });
  page.on("pageerror", (error) => pageErrors.push(String(error)));
  return { context, page, cspViolations, pageErrors };
}

export async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.screenshot({ path: new URL(`${name}.png`, SCREENSHOTS).pathname, fullPage });
}

/** Logs in through the form and waits for the home page greeting. */
export async function login(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Kata sandi", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Masuk" }).click();
  const greeting = page.getByRole("heading", { level: 1, name: /Selamat datang/ });
  const alert = page.getByTestId("login-error");
  await greeting.or(alert).first().waitFor();
  if (await alert.isVisible()) throw new Error(`login as ${email} failed: ${await alert.innerText()}`);
  expect(new URL(page.url()).pathname).toBe("/");
}

/** Picks a membership in the "Bertindak sebagai" switcher by its visible label. */
export async function actAs(page: Page, label: string): Promise<void> {
  await page.getByLabel("Bertindak sebagai").selectOption({ label });
}

/** Text content of the page's main region (independent of CSS text-transform). */
export async function text(page: Page): Promise<string> {
  return ((await page.locator("main").textContent()) ?? "").replace(/\s+/g, " ");
}

/**
 * Waits until the service worker controls the page. It first precaches its first set (the sign-in
 * page and the signed-in shell, about 80 files), which on a busy 2-core machine with several browsers
 * running took over 20 s.
 */
export async function controlledByServiceWorker(page: Page, timeout = 45_000): Promise<void> {
  // A function, not a string: the app's CSP (rightly) forbids eval.
  await page.waitForFunction(
    () =>
      (globalThis as unknown as { navigator: { serviceWorker: { controller: unknown } } }).navigator.serviceWorker
        .controller !== null,
    undefined,
    { timeout },
  );
}

const BUILT_IMMUTABLE = new URL("../../web/build/_app/immutable/", import.meta.url);

/**
 * Waits until the service worker has the whole app shell on the device (the rest comes after
 * sign-in, when the browser is idle): a test about working offline then starts from the device of
 * a person who has used the app before, not from a race with that download.
 */
export async function wholeShellOnDevice(page: Page, timeout = 60_000): Promise<void> {
  const paths = readdirSync(BUILT_IMMUTABLE, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => `/_app/immutable/${relative(BUILT_IMMUTABLE.pathname, join(entry.parentPath, entry.name))}`);
  const missing = () =>
    page.evaluate(async (expected) => {
      const name = (await caches.keys()).find((key) => key.startsWith("akrab-shell-"));
      if (!name) return expected.length;
      const cache = await caches.open(name);
      let absent = 0;
      for (const path of expected) if (!(await cache.match(path))) absent += 1;
      return absent;
    }, paths);
  const deadline = Date.now() + timeout;
  let absent = await missing();
  while (absent > 0) {
    if (Date.now() > deadline) throw new Error(`${absent} of ${paths.length} shell files not on the device`);
    await page.waitForTimeout(500);
    absent = await missing();
  }
}

/** True when the document is wider than the viewport (horizontal scrolling). */
export async function overflowsHorizontally(page: Page): Promise<boolean> {
  return (await page.evaluate("document.documentElement.scrollWidth > window.innerWidth")) as boolean;
}

let contract: Promise<ReturnType<typeof contractChecker>> | undefined;

/** The served OpenAPI document's checker, fetched once per test file. */
function servedContract() {
  contract ??= fetch(`${baseUrl()}/api/openapi.json`)
    .then((res) => res.json())
    .then((document: unknown) => contractChecker(() => document));
  return contract;
}

/**
 * A JSON request from Node, with the app's Origin (the API refuses foreign origins). Its answer is
 * checked against the OpenAPI document the server publishes, as every Worker test's is.
 */
export async function apiFetch(
  path: string,
  init: { method?: string; body?: unknown; cookie?: string; idempotencyKey?: string } = {},
): Promise<Response> {
  const headers: Record<string, string> = { origin: baseUrl(), accept: "application/json" };
  if (init.body !== undefined) headers["content-type"] = "application/json";
  if (init.cookie) headers.cookie = init.cookie;
  if (init.idempotencyKey) headers["idempotency-key"] = init.idempotencyKey;
  const request = new Request(`${baseUrl()}${path}`, {
    method: init.method ?? "GET",
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const response = await fetch(request.clone());
  await (await servedContract()).check(request, response);
  return response;
}

/**
 * A test's set-up step through the API (`apiFetch`, a fresh Idempotency-Key for a write): it must
 * succeed, else the test fails with the server's answer. Answers the parsed body.
 */
export async function apiCall<T = unknown>(cookie: string, method: string, path: string, body?: unknown): Promise<T> {
  const idempotencyKey = method === "GET" ? undefined : crypto.randomUUID();
  const response = await apiFetch(path, { method, body, cookie, idempotencyKey });
  expect(response.status, `${method} ${path}: ${await response.clone().text()}`).toBeLessThan(300);
  return (await response.json()) as T;
}

/** Moves an application one step along its workflow through the API, at the version it has now. */
export async function transition(cookie: string, tenant: string, applicationId: string, action: string): Promise<void> {
  const path = `/api/v1/t/${tenant}/applications/${applicationId}`;
  const { version } = await apiCall<{ version: number }>(cookie, "GET", path);
  await apiCall(cookie, "POST", `${path}/transitions`, { action, expectedVersion: version });
}

export const unique = (prefix: string) =>
  `${prefix}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@akrab.test`;

/** The element's box lies wholly inside the viewport (a popover or dialog a phone user can read). */
export async function insideViewport(locator: Locator): Promise<{ inside: boolean; box: unknown; viewport: unknown }> {
  const box = await locator.boundingBox();
  const viewport = locator.page().viewportSize();
  const inside =
    box !== null &&
    viewport !== null &&
    box.x >= 0 &&
    box.y >= 0 &&
    box.x + box.width <= viewport.width + 0.5 &&
    box.y + box.height <= viewport.height + 0.5;
  return { inside, box, viewport };
}

/**
 * Words of a label built from pieces that ran together: "LKS.Menunggu" (no space after a full
 * stop), "pertama· Dinas" (no space before a middle dot). Empty when every label is spaced.
 */
export async function unspacedLabels(page: Page): Promise<string[]> {
  const body = await page.locator("main").innerText();
  return [...body.matchAll(/\S*(?:\p{Ll}\.\p{Lu}|[^\s(]·|·[^\s)])\S*/gu)].map((match) => match[0]);
}

interface ChecklistItem {
  key: string;
  required: boolean;
  status: "missing" | "uploaded" | "returned" | "accepted";
}

/** Signs in through the API (Node): the session cookie for `apiFetch` and the bearer token. */
export async function apiSignIn(email: string, password = DEMO_PASSWORD): Promise<{ cookie: string; token: string }> {
  const response = await apiFetch("/api/v1/auth/login", { method: "POST", body: { email, password } });
  expect(response.status, `login ${email}`).toBe(200);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return { cookie, token: ((await response.json()) as { token: string }).token };
}

/**
 * Uploads a small real PDF (one page, about 4 KB, unique bytes) for every required document the
 * application still lacks (missing or returned), through tus-js-client in Node as a phone would,
 * and returns the keys it uploaded. The LKS's submit and resubmit require the checklist (issue 10)
 * and, unless told not to, a complete self-assessment (issue 12): tests about something else than
 * uploading use this before they submit.
 */
export async function uploadRequiredDocuments(
  operator: { email: string; password?: string },
  tenant: string,
  applicationId: string,
  opts: { selfAssessment?: boolean } = {},
): Promise<string[]> {
  const { cookie, token } = await apiSignIn(operator.email, operator.password);
  const read = await apiFetch(`/api/v1/t/${tenant}/applications/${applicationId}`, { cookie });
  expect(read.status, `read application ${applicationId}`).toBe(200);
  const { checklist } = (await read.json()) as { checklist: ChecklistItem[] };
  const wanted = checklist
    .filter((item) => item.required && (item.status === "missing" || item.status === "returned"))
    .map((item) => item.key);
  // Three at a time: quick, without crowding wrangler's proxy while other files run.
  const queue = [...wanted];
  const worker = async () => {
    for (let key = queue.shift(); key !== undefined; key = queue.shift()) {
      const file = makePdf(4000);
      await tusUpload({
        endpoint: `${baseUrl()}/api/v1/t/${tenant}/uploads`,
        token,
        file,
        metadata: {
          filename: `${key}.pdf`,
          filetype: "application/pdf",
          sha256: sha256Hex(file),
          applicationId,
          requirement: key,
        },
        chunkSize: 256 * 1024,
        timeoutMs: 30_000,
      });
    }
  };
  await Promise.all([worker(), worker(), worker()]);
  if (opts.selfAssessment !== false) await completeSelfAssessment(cookie, tenant, applicationId);
  return wanted;
}

/**
 * Answers every indicator still blank (at its top level) and links a checklist document to every
 * indicator still without evidence, through the API: the LKS's submit and resubmit require a
 * complete self-assessment (issue 12); filling it through the page is proven in self-assessment.test.ts.
 */
export async function completeSelfAssessment(cookie: string, tenant: string, applicationId: string): Promise<void> {
  const application = `/api/v1/t/${tenant}/applications/${applicationId}`;
  const read = await apiFetch(`${application}/self-assessment`, { cookie });
  expect(read.status, `read self-assessment of ${applicationId}`).toBe(200);
  const view = (await read.json()) as {
    instrument: { standards: { aspects: { indicators: { code: string; levels: { score: number }[] }[] }[] }[] };
    missing: { indicator: string; missing: "answer" | "evidence" }[];
  };
  const blank = new Set(view.missing.filter((m) => m.missing === "answer").map((m) => m.indicator));
  const answers = view.instrument.standards
    .flatMap((s) => s.aspects.flatMap((a) => a.indicators))
    .filter((indicator) => blank.has(indicator.code))
    .map((indicator) => ({
      indicator: indicator.code,
      level: Math.max(...indicator.levels.map((l) => l.score)),
      note: "",
      baseVersion: 0,
    }));
  if (answers.length > 0) {
    const saved = await apiFetch(`${application}/self-assessment/answers`, {
      method: "PUT",
      cookie,
      body: { answers },
    });
    expect(saved.status, await saved.clone().text()).toBe(200);
  }
  const bare = view.missing.filter((m) => m.missing === "evidence").map((m) => m.indicator);
  if (bare.length === 0) return;
  const documents = (await (await apiFetch(`${application}/documents`, { cookie })).json()) as {
    items: { id: string; requirement: string | null }[];
  };
  const documentId = documents.items.find((d) => d.requirement !== null)?.id;
  if (!documentId) throw new Error("completeSelfAssessment needs a checklist document to link as evidence");
  for (const indicator of bare) {
    const linked = await apiFetch(`${application}/self-assessment/answers/${indicator}/evidence`, {
      method: "POST",
      cookie,
      body: { documentId },
    });
    expect(linked.status, await linked.clone().text()).toBe(200);
  }
}
