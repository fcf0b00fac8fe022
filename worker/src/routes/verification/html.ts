import type { Context } from "hono";
import type { AppEnv } from "../../env.ts";

/**
 * The worker-made public pages (`/verifikasi`, `/registri`): tiny HTML sharing one stylesheet and
 * one script, under a policy that allows nothing inline.
 */

/** Bumped with any change to the CSS or JS: their URLs carry it, so they are cached for a year. */
const ASSET_VERSION = "3";

/**
 * The pages' policy: only their own CSS and JS, the JWKS and the camera; nothing inline, no frames.
 */
const PAGE_HEADERS = {
  "content-security-policy":
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; media-src 'self' blob:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "permissions-policy": "camera=(self)",
  "x-frame-options": "DENY",
};

export const esc = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch] as string,
  );

export function page(title: string, body: string): string {
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(title)}</title><link rel="stylesheet" href="/verifikasi.css?v=${ASSET_VERSION}"><script src="/verifikasi.js?v=${ASSET_VERSION}" defer></script></head><body><main>${body}<footer><p><a href="/verifikasi">Cek sertifikat</a> · <a href="/registri">Registri LKS terakreditasi</a></p><p>Akrab — Badan Akreditasi Lembaga Kesejahteraan Sosial (BALKS)</p></footer></main></body></html>`;
}

export function html(c: Context<AppEnv>, body: string, status: 200 | 400 | 404, cacheControl: string) {
  return c.html(body, status, { ...PAGE_HEADERS, "cache-control": cacheControl });
}
