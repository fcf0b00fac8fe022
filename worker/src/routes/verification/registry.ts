import { PublicRegistryQuery } from "@akrab/contracts";
import { createDb, publicRegistryReads } from "@akrab/db";
import { LKS_TYPES, LKS_TYPE_LABELS, REGISTRY_STATUSES, CERTIFICATE_STATUS_LABELS, type LksType } from "@akrab/domain";
import { Hono } from "hono";
import type { AppEnv } from "../../env.ts";
import { verificationPath } from "../../services/certificates.ts";
import { longDate } from "../../services/certificate-pdf.ts";
import { PUBLIC_CACHE_CONTROL } from "../certificates/cache.ts";
import { registryCacheKey, throughCache } from "../public-registry/cache.ts";
import { registryPage } from "../public-registry/search.ts";
import { registryLks } from "../public-registry/show.ts";
import { esc, html, page } from "./html.ts";

/**
 * `/registri` (search form and results, "Berikutnya" by cursor, the CSV link) and `/registri/{id}`
 * (an LKS and its certificates, each linking to its verification page): worker-made like
 * `/verifikasi`, sharing its CSS, cached the way the registry API is, and whole without JS (the
 * form is a plain GET; the script only re-submits it when the province changes, so the kab/kota
 * list follows).
 */
const PAGE_SIZE = 20;
const FILTERS = ["q", "province", "kabKota", "type", "grade", "status"] as const;

const STATUS_CLASS: Record<string, string> = {
  active: "ok",
  expiring: "warn",
  expired: "bad",
  suspended: "bad",
  revoked: "bad",
  superseded: "warn",
};

const H1 = `<h1>Registri LKS terakreditasi <span class="en">/ Registry of accredited LKS</span></h1>`;

const option = (value: string, label: string, selected: string | undefined) =>
  `<option value="${esc(value)}"${value === selected ? " selected" : ""}>${esc(label)}</option>`;

function select(id: string, name: string, label: string, en: string, options: string, disabled = false) {
  return `<div><label for="${id}">${label} <span class="en">/ ${en}</span></label><select id="${id}" name="${name}"${disabled ? " disabled" : ""}>${options}</select></div>`;
}

type Areas = Awaited<ReturnType<ReturnType<typeof publicRegistryReads>["areas"]>>;

function form(query: Partial<Record<(typeof FILTERS)[number], string>>, areas: Areas): string {
  const provinces =
    option("", "Semua provinsi", query.province) +
    areas.provinces.map((p) => option(p.code, p.name, query.province)).join("");
  const kabKota = query.province
    ? option("", "Semua kab/kota", query.kabKota) +
      areas.kabKota.map((k) => option(k.code, k.name, query.kabKota)).join("")
    : option("", "Pilih provinsi dahulu", undefined);
  const types =
    option("", "Semua jenis", query.type) + LKS_TYPES.map((t) => option(t, LKS_TYPE_LABELS[t], query.type)).join("");
  const grades =
    option("", "Semua peringkat", query.grade) + ["A", "B", "C"].map((g) => option(g, g, query.grade)).join("");
  const statuses =
    option("", "Semua status", query.status) +
    REGISTRY_STATUSES.map((s) => option(s, CERTIFICATE_STATUS_LABELS[s].id, query.status)).join("");
  return `<section class="card"><form method="get" action="/registri"><div class="grid">
<div><label for="q">Nama LKS <span class="en">/ LKS name</span></label><input id="q" name="q" maxlength="100" value="${esc(query.q ?? "")}" autocomplete="off"></div>
${select("prov", "province", "Provinsi", "Province", provinces)}${select("kk", "kabKota", "Kab/kota", "Regency/city", kabKota, !query.province)}
${select("type", "type", "Jenis LKS", "LKS type", types)}${select("grade", "grade", "Peringkat", "Grade", grades)}${select("status", "status", "Status", "Status", statuses)}
</div><button type="submit">Cari <span class="en">/ Search</span></button></form></section>`;
}

/** The query string of `filters` (empty ones left out), with `extra` added. */
function queryString(filters: Partial<Record<string, string>>, extra: Record<string, string> = {}) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filters, ...extra })) if (v) params.set(k, v);
  const text = params.toString();
  return text ? `?${text}` : "";
}

function results(
  answer: NonNullable<Awaited<ReturnType<typeof registryPage>>>,
  filters: Record<string, string>,
  paged: boolean,
) {
  const items = answer.items
    .map((l) => {
      const c = l.certificate;
      return `<li><a class="name" href="/registri/${encodeURIComponent(l.id)}">${esc(l.name)}</a><br><span class="tag ${STATUS_CLASS[c.status]}">${esc(c.statusLabel.id)}</span> · Peringkat ${c.grade} · ${esc(l.kabKota.name)}, ${esc(l.province.name)}<br><span class="muted">${esc(l.types.map((t) => LKS_TYPE_LABELS[t as LksType] ?? t).join(", "))} · ${esc(c.number)} · berlaku s.d. ${esc(longDate(c.validUntil))}</span></li>`;
    })
    .join("");
  const next = answer.nextCursor
    ? `<a class="btn" rel="next" href="/registri${esc(queryString(filters, { cursor: answer.nextCursor }))}">Berikutnya <span class="en">/ Next</span></a>`
    : "";
  const first = paged
    ? `<a href="/registri${esc(queryString(filters))}">Halaman pertama <span class="en">/ First page</span></a>`
    : "";
  const csv = `<a href="/api/v1/public/lks.csv${esc(queryString(filters))}">Unduh CSV (data terbuka) <span class="en">/ Download CSV (open data)</span></a>`;
  return `<section class="card" id="results"><h2>Hasil <span class="en">/ Results</span></h2>${
    items
      ? `<ul class="list">${items}</ul>`
      : `<p>Tidak ada LKS yang cocok. <span class="en">/ No LKS matches.</span></p>`
  }<p class="nav">${first}${next}</p><p>${csv}</p><p class="muted">Status dihitung ${esc(answer.checkedAt.slice(0, 16).replace("T", " "))} UTC <span class="en">/ Statuses computed then</span></p></section>`;
}

function detailPage(lks: NonNullable<Awaited<ReturnType<typeof registryLks>>>): string {
  const certificates = lks.certificates
    .map(
      (c) =>
        `<li><a class="name" href="${esc(verificationPath(c.number))}">${esc(c.number)}</a><br><span class="tag ${STATUS_CLASS[c.status]}">${esc(c.statusLabel.id)}</span> <span class="en">/ ${esc(c.statusLabel.en)}</span>${
          c.statusSince ? ` · sejak ${esc(longDate(c.statusSince.slice(0, 10)))}` : ""
        }${c.statusReason ? `<br>Alasan <span class="en">/ Reason</span>: ${esc(c.statusReason)}` : ""}<br><span class="muted">Peringkat ${c.grade} — ${esc(c.gradeLabel.id)} · berlaku ${esc(longDate(c.validFrom))} – ${esc(longDate(c.validUntil))}</span></li>`,
    )
    .join("");
  return page(
    `${lks.name} — Registri LKS terakreditasi`,
    `${H1}<section class="card" id="lks"><h2>${esc(lks.name)}</h2><p class="status ${STATUS_CLASS[lks.status]}">${esc(lks.statusLabel.id)}</p><p class="en">${esc(lks.statusLabel.en)}</p>
<dl><dt>Wilayah</dt><dd>${esc(lks.kabKota.name)}, ${esc(lks.province.name)}</dd><dt>Jenis</dt><dd>${esc(lks.types.map((t) => LKS_TYPE_LABELS[t as LksType] ?? t).join(", "))}</dd></dl></section>
<section class="card"><h2>Sertifikat <span class="en">/ Certificates</span></h2><ul class="list">${certificates}</ul></section>
<p><a href="/registri">← Kembali ke registri <span class="en">/ Back to the registry</span></a></p>`,
  );
}

export const registryPages = new Hono<AppEnv>()
  .get("/registri", async (c) => {
    const url = new URL(c.req.url);
    const raw = Object.fromEntries(url.searchParams);
    // An empty select sends `province=`: no filter, not a malformed one.
    const given = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== ""));
    const parsed = PublicRegistryQuery.safeParse({ ...given, limit: PAGE_SIZE });
    const db = createDb(c.env.DB);
    if (!parsed.success) {
      const areas = await publicRegistryReads(db).areas(undefined);
      const problems = parsed.error.issues
        .map((i) => `<li>${esc(i.path.join(".") || "?")}: ${esc(i.message)}</li>`)
        .join("");
      return html(
        c,
        page(
          "Pencarian tidak valid / Invalid search",
          `${H1}<section class="card"><p class="status bad">Periksa kembali pencarian</p><p class="en">Please check the search</p><ul>${problems}</ul></section>${form({}, areas)}`,
        ),
        400,
        "no-store",
      );
    }
    const query = parsed.data;
    const filters = Object.fromEntries(FILTERS.map((k) => [k, query[k] ?? ""]).filter(([, v]) => v)) as Record<
      string,
      string
    >;
    const { key, state } = await registryCacheKey(db, url);
    return throughCache(key, async () => {
      const [answer, areas] = await Promise.all([
        registryPage(db, query, state),
        publicRegistryReads(db).areas(query.province),
      ]);
      if (!answer) {
        return html(
          c,
          page(
            "Pencarian tidak valid / Invalid search",
            `${H1}<section class="card"><p class="status bad">Halaman tidak dikenal</p><p class="en">Unknown page: start the search again</p></section>${form(filters, areas)}`,
          ),
          400,
          "no-store",
        );
      }
      return html(
        c,
        page(
          "Registri LKS terakreditasi / Registry of accredited LKS",
          `${H1}<p>Cari LKS yang terakreditasi atau pernah terakreditasi. Periksa satu sertifikat di <a href="/verifikasi">halaman verifikasi</a>. <span class="en">/ Find LKS that are or were accredited; check one certificate on the verification page.</span></p>${form(filters, areas)}${results(answer, filters, Boolean(query.cursor))}`,
        ),
        200,
        PUBLIC_CACHE_CONTROL,
      );
    });
  })
  .get("/registri/:id", async (c) => {
    const id = c.req.param("id");
    const db = createDb(c.env.DB);
    const notFound = () =>
      html(
        c,
        page(
          "Tidak ada di registri / Not in the registry",
          `${H1}<section class="card"><p class="status bad">Tidak ada di registri</p><p class="en">No LKS with this id in the registry</p><p><a href="/registri">Cari di registri <span class="en">/ Search the registry</span></a></p></section>`,
        ),
        404,
        "no-store",
      );
    if (id.length > 64) return notFound();
    const { key } = await registryCacheKey(db, new URL(c.req.url));
    return throughCache(key, async () => {
      const lks = await registryLks(db, id);
      return lks ? html(c, detailPage(lks), 200, PUBLIC_CACHE_CONTROL) : notFound();
    });
  });
