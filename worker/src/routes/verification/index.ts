import { createDb } from "@akrab/db";
import { plausibleCertificateNumber } from "@akrab/domain";
import { Hono } from "hono";
import type { AppEnv } from "../../env.ts";
import { verificationPath } from "../../services/certificates.ts";
import { PUBLIC_CACHE_CONTROL, cached, keep } from "../certificates/cache.ts";
import { publicAnswer } from "../certificates/public-show.ts";
import { longDate } from "../../services/certificate-pdf.ts";
import { VERIFY_CSS, VERIFY_JS } from "./assets.ts";
import { esc, html, page } from "./html.ts";

const FORM = `<section class="card"><form id="f" method="get" action="/verifikasi"><label for="n">Nomor sertifikat <span class="en">/ Certificate number</span></label><input id="n" name="nomor" required maxlength="64" autocomplete="off" placeholder="0123/BALKS/B/XII/2026"><button type="submit">Periksa <span class="en">/ Check</span></button></form><button id="scan" type="button" hidden>Pindai kode QR <span class="en">/ Scan the QR code</span></button><video id="cam" hidden muted playsinline></video><p id="scanmsg" role="status"></p></section>`;

const STATUS_CLASS: Record<string, string> = {
  active: "ok",
  expiring: "warn",
  expired: "bad",
  suspended: "bad",
  revoked: "bad",
  superseded: "warn",
};

function resultPage(answer: NonNullable<Awaited<ReturnType<typeof publicAnswer>>>): string {
  const since = answer.statusSince ? longDate(answer.statusSince.slice(0, 10)) : null;
  const detail = [
    since ? `<p>Sejak <span class="en">/ Since</span> ${esc(since)}</p>` : "",
    answer.statusReason ? `<p>Alasan <span class="en">/ Reason</span>: ${esc(answer.statusReason)}</p>` : "",
    answer.supersededBy
      ? `<p>Sertifikat baru <span class="en">/ Newer certificate</span>: <a href="${esc(verificationPath(answer.supersededBy))}">${esc(answer.supersededBy)}</a></p>`
      : "",
  ].join("");
  return page(
    `${answer.statusLabel.id} — ${answer.number}`,
    `<h1>Verifikasi sertifikat akreditasi <span class="en">/ Accreditation certificate check</span></h1>
<section class="card" id="result" data-number="${esc(answer.number)}" data-grade="${answer.grade}" data-from="${answer.validFrom}" data-until="${answer.validUntil}">
<p class="status ${STATUS_CLASS[answer.status]}">${esc(answer.statusLabel.id)}</p><p class="en">${esc(answer.statusLabel.en)}</p>${detail}
<dl><dt>Nomor</dt><dd>${esc(answer.number)}</dd><dt>LKS</dt><dd>${esc(answer.lks.name)}</dd><dt>Wilayah</dt><dd>${esc(answer.lks.kabKota)}, ${esc(answer.lks.province)}</dd><dt>Jenis</dt><dd>${esc(answer.lks.types.join(", "))}</dd><dt>Peringkat</dt><dd>${answer.grade} — ${esc(answer.gradeLabel.id)} <span class="en">/ ${esc(answer.gradeLabel.en)}</span></dd><dt>Keputusan</dt><dd>${esc(longDate(answer.decidedOn))}</dd><dt>Berlaku</dt><dd>${esc(longDate(answer.validFrom))} – ${esc(longDate(answer.validUntil))}</dd></dl>
<p class="en">Status diperiksa <span class="en">/ checked</span> ${esc(answer.checkedAt.slice(0, 16).replace("T", " "))} UTC</p></section>
<section class="card" id="offline" hidden><h2>Pemeriksaan kode QR <span class="en">/ QR code check</span></h2><p id="offmsg" role="status">Memeriksa… <span class="en">/ Checking…</span></p></section>
${FORM}`,
  );
}

const notFoundPage = (typed: string) =>
  page(
    "Tidak terdaftar / Not registered",
    `<h1>Verifikasi sertifikat akreditasi <span class="en">/ Accreditation certificate check</span></h1><section class="card"><p class="status bad">Tidak terdaftar</p><p class="en">No certificate with this number</p><p>Nomor <span class="en">/ Number</span>: ${esc(typed.slice(0, 64))}</p><p>Periksa kembali nomornya. Sertifikat yang tidak terdaftar di sini tidak sah. <span class="en">/ Check the number again. A certificate not registered here is not valid.</span></p></section><section class="card" id="offline" hidden><h2>Pemeriksaan kode QR <span class="en">/ QR code check</span></h2><p id="offmsg" role="status"></p></section>${FORM}`,
  );

/** `/verifikasi` (the form; `?nomor=` redirects to the number's page) and `/verifikasi/{number}`. */
export const verificationPages = new Hono<AppEnv>()
  .get("/verifikasi.css", (c) =>
    c.body(VERIFY_CSS, 200, {
      "content-type": "text/css; charset=utf-8",
      "cache-control": "public, max-age=31536000, immutable",
    }),
  )
  .get("/verifikasi.js", (c) =>
    c.body(VERIFY_JS, 200, {
      "content-type": "text/javascript; charset=utf-8",
      "cache-control": "public, max-age=31536000, immutable",
    }),
  )
  .get("/verifikasi", (c) => {
    const typed = c.req.query("nomor")?.trim();
    if (typed) return c.redirect(verificationPath(typed.slice(0, 64)), 303);
    return html(
      c,
      page(
        "Cek sertifikat akreditasi LKS / Check an LKS accreditation certificate",
        `<h1>Cek sertifikat akreditasi LKS <span class="en">/ Check an LKS accreditation certificate</span></h1>${FORM}`,
      ),
      200,
      "public, max-age=3600",
    );
  })
  .get("/verifikasi/*", async (c) => {
    const url = new URL(c.req.url);
    const key = `${url.origin}${url.pathname}`;
    const hit = await cached(key);
    if (hit) return new Response(hit.body, hit);
    let number: string;
    try {
      number = decodeURIComponent(url.pathname.slice("/verifikasi/".length));
    } catch {
      number = "";
    }
    const answer = await publicAnswer(createDb(c.env.DB), plausibleCertificateNumber(number) ? number : `#${number}`);
    if (!answer) return html(c, notFoundPage(number), 404, "no-store");
    const response = html(c, resultPage(answer), 200, PUBLIC_CACHE_CONTROL);
    await keep(key, response);
    return response;
  });
