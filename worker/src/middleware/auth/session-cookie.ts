import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";

/**
 * Over HTTPS the cookie is `__Host-` prefixed (Secure, Path=/, no Domain: it cannot be set or
 * read by a sibling subdomain). Plain http://127.0.0.1 in local development cannot carry a Secure
 * cookie, so there it is an ordinary HttpOnly cookie under another name.
 */
function cookieFor(c: Context) {
  const secure = new URL(c.req.url).protocol === "https:";
  return { name: secure ? "__Host-akrab_session" : "akrab_session", secure };
}

export function readSessionCookie(c: Context): string | undefined {
  return getCookie(c, cookieFor(c).name);
}

export function writeSessionCookie(c: Context, token: string, maxAgeSeconds: number): void {
  const { name, secure } = cookieFor(c);
  setCookie(c, name, token, { httpOnly: true, secure, sameSite: "Lax", path: "/", maxAge: maxAgeSeconds });
}

export function clearSessionCookie(c: Context): void {
  const { name, secure } = cookieFor(c);
  deleteCookie(c, name, { path: "/", secure });
}
