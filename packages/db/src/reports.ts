import {
  type CoverageCategory,
  type CoverageCertificate,
  coverageCategory,
  jakartaDay,
  LKS_TYPES,
  type LksStatus,
  REVISION_STEP,
  refreshOnRead,
} from "@akrab/domain";
import { sql } from "drizzle-orm";
import type { Db } from "./client.ts";
import type { ReportReach } from "./report-reads.ts";

/**
 * How the report figures are kept (issue 15; ARCHITECTURE.md "Reports").
 *
 * The raw rows (lks, applications, application_events, certificates) stay the only truth. Each
 * tenant's roll-up rows — every LKS with its coverage category (`report_lks`) and the monthly
 * counts of decisions, visits and returns (`report_monthly`) — are recomputed from them as a whole,
 * by the domain's `coverageCategory`, never patched by increments: a recomputation cannot drift
 * from the records, and the rules live in one place.
 *
 * Triggers (migration 0020) mark a tenant dirty in the same transaction as any change to a counted
 * row, so the write handlers need no report code at all. The minute cron recomputes dirty tenants
 * (`refreshDirtyReports`); a reader may ask for the same on demand. `report_state.computed_at` is
 * the freshness shown with the figures, `dirty_since` says since when they may lag the records.
 *
 * `report_counts` holds the same rows counted per kab/kota and per province (with LKS type and
 * category), recounted from `report_lks` in the refresh's batch for each province it touched: the
 * national views read those few thousand rows instead of counting 25,000 LKS on every read.
 *
 * Counting per LKS instead of keeping counters also gives every figure its list: the LKS behind
 * "accredited B in Banten" are the `report_lks` rows with that category and province, so a number
 * and its list can never disagree.
 */

/** Rows per INSERT … SELECT FROM json_each(?): one bound value, well under D1's statement limits. */
const CHUNK = 500;

interface LksFactsRow {
  id: string;
  name: string;
  types: string;
  status: LksStatus;
  region_code: string;
  province_code: string | null;
}

interface ApplicationFactsRow {
  lks_id: string;
  step: string;
  open: number;
  submitted_at: string | null;
}

interface DeclineRow {
  lks_id: string;
  at: string;
}

interface CertificateRow {
  lks_id: string;
  grade: "A" | "B" | "C";
  valid_from: string;
  valid_until: string;
  withdrawn_at: string | null;
}

/** The main type as the by-type roll-up counts it (as the domain's roll-up does). */
function mainType(types: string): string {
  const first = (JSON.parse(types) as string[])[0] ?? "";
  return (LKS_TYPES as readonly string[]).includes(first) ? first : "LKS-LAIN";
}

function groupBy<T extends { lks_id: string }>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const list = out.get(r.lks_id);
    if (list) list.push(r);
    else out.set(r.lks_id, [r]);
  }
  return out;
}

const isoDayJakarta = (iso: string) => jakartaDay(Date.parse(iso));

/** Whether the certificates table exists yet (it arrives with the certificates issue's migration). */
async function hasCertificates(db: Db): Promise<boolean> {
  const rows = await db.all<{ n: number }>(
    sql`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name IN ('certificates', 'certificate_events')`,
  );
  return (rows[0]?.n ?? 0) === 2;
}

/**
 * The coverage category of every LKS of a tenant, from the raw rows, on `today`. Exported for the
 * consistency test: the roll-ups must equal this, computed afresh.
 */
export async function coverageOfTenant(
  db: Db,
  tenantId: string,
  today: string,
  /** A statement to run in the same transaction, before the reads (the refresh clears the dirty mark). */
  first?: D1PreparedStatement,
): Promise<
  { id: string; name: string; regionCode: string; provinceCode: string; lksType: string; category: CoverageCategory }[]
> {
  const withCertificates = await hasCertificates(db);
  const d1 = db.$client;
  // One batch: one transaction, so the three reads see the same records.
  const [lksRows, appRows, declineRows] = (
    await d1.batch([
      ...(first ? [first] : []),
      d1
        .prepare(
          `SELECT l.id, l.name, l.types, l.status, l.region_code, r.province_code
           FROM lks l JOIN regions r ON r.code = l.region_code WHERE l.tenant_id = ?1`,
        )
        .bind(tenantId),
      d1
        .prepare(
          `SELECT a.lks_id, a.step, a.open, a.submitted_at FROM applications a
           WHERE a.lks_id IN (SELECT id FROM lks WHERE tenant_id = ?1)`,
        )
        .bind(tenantId),
      d1
        .prepare(
          `SELECT a.lks_id, e.at FROM applications a JOIN application_events e ON e.application_id = a.id
           WHERE a.lks_id IN (SELECT id FROM lks WHERE tenant_id = ?1) AND e.to_step = 'not_accredited'`,
        )
        .bind(tenantId),
    ])
  )
    .slice(first ? 1 : 0)
    .map((r) => r.results) as [LksFactsRow[], ApplicationFactsRow[], DeclineRow[]];
  const certRows = withCertificates
    ? await db
        .all<CertificateRow>(sql`
        SELECT c.lks_id, c.grade, c.valid_from, c.valid_until,
          (SELECT e.at FROM certificate_events e WHERE e.certificate_id = c.id ORDER BY e.at DESC LIMIT 1) AS last_event_at,
          (SELECT e.kind FROM certificate_events e WHERE e.certificate_id = c.id ORDER BY e.at DESC LIMIT 1) AS last_event_kind
        FROM certificates c WHERE c.lks_id IN (SELECT id FROM lks WHERE tenant_id = ${tenantId})`)
        .then((rows) =>
          (rows as (CertificateRow & { last_event_at: string | null; last_event_kind: string | null })[]).map((r) => ({
            ...r,
            // Suspended or revoked unless reinstated since.
            withdrawn_at: r.last_event_kind && r.last_event_kind !== "reinstated" ? r.last_event_at : null,
          })),
        )
    : [];

  const apps = groupBy(appRows);
  const declines = groupBy(declineRows);
  const certs = groupBy(certRows);
  return lksRows.map((l) => {
    const own = apps.get(l.id) ?? [];
    const submitted = own.filter((a) => a.submitted_at !== null);
    const certificates: CoverageCertificate[] = (certs.get(l.id) ?? []).map((c) => ({
      grade: c.grade,
      validFrom: c.valid_from,
      validUntil: c.valid_until,
      withdrawnOn: c.withdrawn_at ? isoDayJakarta(c.withdrawn_at) : null,
    }));
    const category = coverageCategory(
      {
        registration: l.status,
        openSubmitted: submitted.some((a) => a.open === 1),
        everSubmitted: submitted.length > 0,
        // The grade of an accredited application awaiting its certificate is not recorded yet (the
        // decision record arrives with the assessment issues): until then it counts as in process.
        awaitingCertificate: null,
        certificates,
        declinedOn: (declines.get(l.id) ?? []).map((d) => isoDayJakarta(d.at)),
      },
      today,
    );
    return {
      id: l.id,
      name: l.name,
      regionCode: l.region_code,
      provinceCode: l.province_code ?? l.region_code,
      lksType: mainType(l.types),
      category,
    };
  });
}

/** The monthly measures of a tenant's applications, as one INSERT … SELECT from the events. */
function monthlyInsert(d1: D1Database, tenantId: string): D1PreparedStatement {
  // Months are Jakarta months (UTC+7, no daylight saving).
  return d1
    .prepare(
      `INSERT INTO report_monthly (tenant_id, month, measure, count)
       SELECT ?1, month, measure, count(*) FROM (
         SELECT strftime('%Y-%m', e.at, '+7 hours') AS month,
           CASE
             WHEN e.to_step IN ('accredited', 'not_accredited') THEN e.to_step
             WHEN e.action = 'record_visit' THEN 'visit'
             ELSE 'returned'
           END AS measure
         FROM applications a JOIN application_events e ON e.application_id = a.id
         WHERE a.tenant_id = ?1
           AND (e.to_step IN ('accredited', 'not_accredited') OR e.action = 'record_visit' OR e.to_step = ?2)
         UNION ALL
         SELECT strftime('%Y-%m', e.at, '+7 hours'),
           'reason:' || json_extract(j.value, '$.kind') || ':' || json_extract(j.value, '$.ref')
         FROM applications a JOIN application_events e ON e.application_id = a.id, json_each(coalesce(e.items, '[]')) j
         WHERE a.tenant_id = ?1 AND e.to_step = ?2
       ) GROUP BY month, measure`,
    )
    .bind(tenantId, REVISION_STEP);
}

/**
 * Recomputes one tenant's roll-ups from the raw rows. The dirty mark is cleared in the same
 * transaction as the reads, so a change committed after them marks the tenant again and the next
 * run picks it up.
 */
export async function refreshTenantReports(db: Db, tenantId: string, now = Date.now()): Promise<number> {
  const d1 = db.$client;
  const at = new Date(now).toISOString();
  const clear = d1
    .prepare(
      `INSERT INTO report_state (tenant_id, dirty_since) VALUES (?1, NULL)
       ON CONFLICT (tenant_id) DO UPDATE SET dirty_since = NULL`,
    )
    .bind(tenantId);
  try {
    const rows = await coverageOfTenant(db, tenantId, jakartaDay(now), clear);
    const inserts: D1PreparedStatement[] = [];
    for (let i = 0; i < rows.length; i += CHUNK) {
      const json = JSON.stringify(
        rows.slice(i, i + CHUNK).map((r) => [r.id, r.name, r.regionCode, r.provinceCode, r.lksType, r.category]),
      );
      // OR REPLACE: an LKS transferred here may still have its row under the tenant it left.
      inserts.push(
        d1
          .prepare(
            `INSERT OR REPLACE INTO report_lks (lks_id, tenant_id, name, region_code, province_code, lks_type, category)
             SELECT value ->> 0, ?1, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5 FROM json_each(?2)`,
          )
          .bind(tenantId, json),
      );
    }
    // The provinces whose counts this batch changes: where the tenant's rows were, where they are
    // now, and where an LKS transferred here was counted under the tenant it left.
    const before = await d1
      .prepare(
        `SELECT DISTINCT province_code AS p FROM report_lks
         WHERE tenant_id = ?1 OR lks_id IN (SELECT id FROM lks WHERE tenant_id = ?1)`,
      )
      .bind(tenantId)
      .all<{ p: string }>();
    const provinces = JSON.stringify([
      ...new Set([...before.results.map((r) => r.p), ...rows.map((r) => r.provinceCode)]),
    ]);
    await d1.batch([
      d1.prepare("DELETE FROM report_lks WHERE tenant_id = ?1").bind(tenantId),
      ...inserts,
      // Recounted from report_lks inside the batch, after its rows are written: the counts are the
      // rows they count, whatever other tenants' refreshes did in between.
      d1.prepare("DELETE FROM report_counts WHERE province_code IN (SELECT value FROM json_each(?1))").bind(provinces),
      d1
        .prepare(
          `INSERT INTO report_counts (level, area_code, province_code, lks_type, category, n)
           SELECT 'regency', region_code, province_code, lks_type, category, count(*) FROM report_lks
           WHERE province_code IN (SELECT value FROM json_each(?1))
           GROUP BY province_code, region_code, lks_type, category`,
        )
        .bind(provinces),
      d1
        .prepare(
          `INSERT INTO report_counts (level, area_code, province_code, lks_type, category, n)
           SELECT 'province', province_code, province_code, lks_type, category, count(*) FROM report_lks
           WHERE province_code IN (SELECT value FROM json_each(?1))
           GROUP BY province_code, lks_type, category`,
        )
        .bind(provinces),
      d1.prepare("DELETE FROM report_monthly WHERE tenant_id = ?1").bind(tenantId),
      monthlyInsert(d1, tenantId),
      d1.prepare("UPDATE report_state SET computed_at = ?2 WHERE tenant_id = ?1").bind(tenantId, at),
    ]);
    return rows.length;
  } catch (error) {
    // Not recomputed: mark it again so the next run retries.
    await d1
      .prepare("UPDATE report_state SET dirty_since = coalesce(dirty_since, ?2) WHERE tenant_id = ?1")
      .bind(tenantId, at)
      .run();
    throw error;
  }
}

/**
 * Recomputes the dirty tenants, longest-waiting first, until `budgetMs` is spent (the cron's
 * share of a minute); what is left waits for the next run. Returns how many were recomputed.
 */
export async function refreshDirtyReports(db: Db, now = Date.now(), budgetMs = 20_000): Promise<number> {
  const started = Date.now();
  const dirty = await db.all<{ tenant_id: string }>(
    sql`SELECT tenant_id FROM report_state WHERE dirty_since IS NOT NULL ORDER BY dirty_since LIMIT 1000`,
  );
  let done = 0;
  for (const { tenant_id } of dirty) {
    if (Date.now() - started > budgetMs) break;
    await refreshTenantReports(db, tenant_id, now);
    done++;
  }
  return done;
}

/**
 * Before a report read: recomputes the tenants in reach whose roll-up the domain says a read must
 * not wait for (never computed, or changes older than the cron ever leaves them), within
 * `budgetMs`; what is left stays dirty for the next read or the cron. In production the cron keeps
 * every tenant fresh and this is one small read of `report_state`; under `wrangler dev` (no cron)
 * it is what makes a new database's figures appear on the first visit. Returns how many were recomputed.
 */
export async function refreshStaleReports(
  db: Db,
  reach: ReportReach,
  now = Date.now(),
  budgetMs = 5_000,
): Promise<number> {
  const { results } = await db.$client
    .prepare(
      `SELECT tenant_id AS tenantId, computed_at AS computedAt, dirty_since AS dirtySince FROM report_state
       WHERE dirty_since IS NOT NULL ${reach ? "AND tenant_id IN (SELECT value FROM json_each(?1))" : ""}
       ORDER BY dirty_since LIMIT 1000`,
    )
    .bind(...(reach ? [JSON.stringify(reach)] : []))
    .all<{ tenantId: string; computedAt: string | null; dirtySince: string | null }>();
  const started = Date.now();
  let done = 0;
  for (const state of results) {
    if (!refreshOnRead(state, now)) continue;
    if (Date.now() - started > budgetMs) break;
    await refreshTenantReports(db, state.tenantId, now);
    done++;
  }
  return done;
}
