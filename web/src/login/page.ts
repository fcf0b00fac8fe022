/**
 * The sign-in page's markup, in one language. The build renders it in Bahasa Indonesia into
 * build/login.html (see web/login-page.ts), so the form is there before any script runs; the page's
 * script (main.ts) renders it again in English when the person chose English on this device.
 *
 * It is not a SvelteKit page: the client runtime of Svelte and SvelteKit alone is 37 KB gzip, more than
 * a first visit of the sign-in page may cost on 2G. It looks like one (the app's shared stylesheet and
 * the same classes), and signs in through the same API.
 */
import { m } from "#lib/paraglide/messages.js";
import type { Locale } from "#lib/paraglide/runtime.js";

const esc = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch] as string,
  );

/** The page's title (the document's `<title>`). */
export const loginTitle = (locale: Locale) => `${m.login_title({}, { locale })} · ${m.app_name({}, { locale })}`;

/** The other language's name, in that language: recognisable to someone who cannot read this one. */
const other = (locale: Locale): Locale => (locale === "id" ? "en" : "id");

/** The body of the page (everything inside `<body>`), texts escaped. */
export function loginBody(locale: Locale): string {
  const t = (message: (inputs: Record<string, never>, options: { locale: Locale }) => string) =>
    esc(message({}, { locale }));
  return `<a class="skip-link" href="#main">${t(m.skip_to_content)}</a>
<div class="auth">
<header class="top">
<a class="brand" href="/login"><svg aria-hidden="true" viewBox="0 0 32 32" width="32" height="32"><rect width="32" height="32" rx="8" fill="#0d5c4e"/><path d="M9 23l7-15 7 15M12 17h8" fill="none" stroke="#fff" stroke-width="2.6" stroke-linecap="round" stroke-linejoin="round"/></svg><span class="words"><span class="name">${t(m.app_name)}</span><span class="tagline">${t(m.app_tagline)}</span></span></a>
<button type="button" class="btn btn-quiet lang" id="lang" data-locale="${other(locale)}" aria-label="${t(m.switch_language_label)}"><svg aria-hidden="true" viewBox="0 0 20 20" width="18" height="18"><circle cx="10" cy="10" r="8" fill="none" stroke="currentColor" stroke-width="1.5"/><path d="M2 10h16M10 2c2.5 2.6 2.5 13.4 0 16M10 2c-2.5 2.6-2.5 13.4 0 16" fill="none" stroke="currentColor" stroke-width="1.5"/></svg> <span lang="${other(locale)}">${t(m.switch_language)}</span></button>
</header>
<main id="main" tabindex="-1" class="card">
<section class="check-cert" aria-labelledby="check-heading">
<h2 id="check-heading">${t(m.cert_check_title)}</h2>
<p class="muted">${t(m.cert_check_intro)}</p>
<form method="get" action="/verifikasi">
<div class="field"><label for="check-number">${t(m.cert_check_number)}</label><input id="check-number" name="nomor" required maxlength="64" autocomplete="off" autocapitalize="characters" spellcheck="false" placeholder="0123/BALKS/B/XII/2026"></div>
<button class="btn btn-secondary btn-block" type="submit">${t(m.cert_check_submit)}</button>
</form>
<p class="registry"><a href="/registri" data-testid="registry-link">${t(m.login_registry_link)}</a></p>
</section>
<h1>${t(m.login_title)}</h1>
<p class="muted">${t(m.login_intro)}</p>
<p class="alert alert-success" role="status" id="notice" hidden></p>
<p class="alert alert-error" role="alert" tabindex="-1" id="error" data-testid="login-error" hidden></p>
<form id="login" method="post" action="/login">
<div class="field"><label for="email">${t(m.email_label)}</label><input id="email" name="email" type="email" autocomplete="username" inputmode="email" autocapitalize="none" spellcheck="false" required></div>
<div class="field"><label for="password">${t(m.password_label)}</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<label class="check show"><input type="checkbox" id="show-password"> ${t(m.show_password)}</label></div>
<button class="btn btn-block" type="submit" id="submit" disabled data-busy="${t(m.login_submitting)}">${t(m.login_submit)}</button>
</form>
<p class="forgot"><a href="/reset-password">${t(m.forgot_password)}</a> · <a href="/statistik" data-testid="stat-link">${t(m.stat_link)}</a></p>
<nav class="signups" aria-labelledby="signup-heading">
<h2 id="signup-heading">${t(m.login_signup_title)}</h2>
<a class="btn btn-secondary" href="/daftar-lks">${t(m.login_signup_lks)}</a>
<a class="btn btn-secondary" href="/daftar-dinsos">${t(m.login_signup_dinsos)}</a>
</nav>
</main>
</div>`;
}
