/**
 * The sign-in page's only script (build/login.html loads it; see page.ts for why the page is not a
 * SvelteKit one). It signs in through the API as the app did, then opens `?next=` (or the home) as a
 * new document: the service worker, installed while the person typed, serves the app's shell and the
 * home's first chunks from the device.
 */
import { API_BASE, api, isApiError } from "#lib/api.ts";
import { localizeApiText, problemMessage } from "#lib/errors.ts";
import { safeNext } from "#lib/nav.ts";
import { PRECACHE_HOME, type PrecacheHome } from "#lib/offline/messages.ts";
import { LAST_USER, putRead } from "#lib/offline/reads.ts";
import { m } from "#lib/paraglide/messages.js";
import { getLocale, setLocale, type Locale } from "#lib/paraglide/runtime.js";
import { loginBody, loginTitle } from "./page.ts";

const locale = getLocale();
// The build rendered the page in Bahasa Indonesia; the person chose English on this device.
if (document.documentElement.lang !== locale) {
  document.documentElement.lang = locale;
  document.title = loginTitle(locale);
  document.body.innerHTML = loginBody(locale);
}

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const form = byId<HTMLFormElement>("login");
const email = byId<HTMLInputElement>("email");
const password = byId<HTMLInputElement>("password");
const submit = byId<HTMLButtonElement>("submit");
const errorEl = byId<HTMLElement>("error");
const noticeEl = byId<HTMLElement>("notice");
const idle = submit.textContent ?? "";
// The button comes disabled in the HTML: before this script runs, a submit would post the form to no one.
submit.disabled = false;

const params = new URLSearchParams(location.search);
const notice = params.has("reset") ? m.login_reset_done() : params.has("loggedOut") ? m.login_logged_out() : null;
if (notice) {
  noticeEl.textContent = notice;
  noticeEl.hidden = false;
}

byId<HTMLButtonElement>("lang").addEventListener("click", (event) => {
  // A reload shows the page in the other language (only the two fields could be lost: they are kept).
  sessionStorage.setItem("akrab.login.email", email.value);
  setLocale((event.currentTarget as HTMLElement).dataset.locale as Locale);
});
const typed = sessionStorage.getItem("akrab.login.email");
if (typed) {
  email.value = typed;
  sessionStorage.removeItem("akrab.login.email");
}

byId<HTMLInputElement>("show-password").addEventListener("change", (event) => {
  password.type = (event.currentTarget as HTMLInputElement).checked ? "text" : "password";
});

function showError(message: string) {
  errorEl.textContent = message;
  errorEl.hidden = false;
  noticeEl.hidden = true;
  email.setAttribute("aria-invalid", "true");
  password.setAttribute("aria-invalid", "true");
  // Focus on the message, so screen readers and keyboard users meet it.
  errorEl.focus();
}

/**
 * The worker's first set has no role's home (whose it is was unknown until now): the worker
 * controlling this page fetches the person's homes, each in one request (its pack), while the page
 * opens the shell from the device. Without this the home asked for its chunk after its data,
 * and the chunk for its imports one round trip after another (6–7 s on 2G); the signed-in page names
 * the homes again once loaded (#lib/pwa/device.svelte.ts), which covers a page no worker controlled.
 */
function keepHomes(roles: string[]) {
  const message: PrecacheHome & { type: string } = {
    type: PRECACHE_HOME,
    roles: [...new Set(roles)],
    fetched: [],
    packed: true,
  };
  navigator.serviceWorker?.controller?.postMessage(message);
}

let submitting = false;
form.addEventListener("submit", async (event) => {
  event.preventDefault();
  if (submitting) return;
  submitting = true;
  submit.disabled = true;
  submit.textContent = submit.dataset.busy ?? idle;
  try {
    // The session is the HttpOnly cookie the API sets; the token in the answer is ignored.
    const { user, memberships, tenantPermissions } = await api.post("/auth/login", {
      email: email.value.trim(),
      password: password.value,
    });
    // The session the server has just confirmed, kept as its answer to /auth/me would be: the home opens
    // with it and asks the server meanwhile (routes/(app)/+layout.ts), a round trip less on the link.
    try {
      await putRead(user.id, `${API_BASE}/auth/me`, { user, memberships, tenantPermissions });
      localStorage.setItem(LAST_USER, user.id);
    } catch {
      // no storage (private mode): the home asks the server first
    }
    keepHomes(memberships.map((membership) => membership.role));
    location.replace(safeNext(params.get("next")));
    return;
  } catch (e) {
    if (isApiError(e) && e.status === 429) {
      showError(m.login_rate_limited({ minutes: Math.max(1, Math.ceil((e.retryAfter ?? 60) / 60)) }));
    } else if (isApiError(e) && e.status === 401) {
      showError(e.detail ? localizeApiText(e.detail) : m.login_wrong_credentials());
    } else {
      showError(problemMessage(e));
    }
  }
  submitting = false;
  submit.disabled = false;
  submit.textContent = idle;
});

// The app's service worker: it keeps this page and the signed-in shell on the device (its install
// fetches them while the person types, the person's own home once signed in), so the home after
// sign-in and the next visit of this page do not wait on the link. SvelteKit's shell registers it the same way.
if ("serviceWorker" in navigator) {
  addEventListener("load", () => {
    void navigator.serviceWorker.register("/service-worker.js", { type: "module" });
  });
}
