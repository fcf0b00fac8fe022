import { type CoverageCategory, REVISION_STEP } from "@akrab/domain";
import type { Db } from "./client.ts";
import { decodeCursor, encodeCursor, type Page } from "./pagination.ts";

/**
 * Reads of the report roll-ups (see reports.ts for how they are kept). A reach is the set of
 * tenants whose rows a caller may count: `null` for a national reader (every tenant), otherwise the
 * tenant and, for a province, its kab/kota. Every query here carries it, so a report route cannot
 * count another tenant's LKS.
 */
export type ReportReach = readonly string[] | null;

export interface ReportFilter {
  province?: string | undefined;
  regency?: string | undefined;
  lksType?: string | undefined;
  category?: CoverageCategory | undefined;
  grade?: "A" | "B" | "C" | undefined;
}

/** The WHERE clause over report_lks (alias r) and its bound values, from ?{offset+1} on. */
function where(reach: ReportReach, f: ReportFilter): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  const add = (clause: string, value: unknown) => {
    params.push(value);
    parts.push(clause.replace("?", `?${params.length}`));
  };
  if (reach) {
    params.push(JSON.stringify(reach));
    parts.push(`r.tenant_id IN (SELECT value FROM json_each(?${params.length}))`);
  }
  if (f.province) add("r.province_code = ?", f.province);
  if (f.regency) add("r.region_code = ?", f.regency);
  if (f.lksType) add("r.lks_type = ?", f.lksType);
  if (f.category) add("r.category = ?", f.category);
  if (f.grade) add("r.category = ?", `accredited_${f.grade.toLowerCase()}`);
  return { sql: parts.length ? `WHERE ${parts.join(" AND ")}` : "", params };
}

/** The filters of the applications behind a pipeline or asesor figure (see the contract's `ReportApplicationFilter`). */
export interface ApplicationListFilter {
  province?: string | undefined;
  regency?: string | undefined;
  lksType?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  tenant?: string | undefined;
  step?: string | undefined;
  overdue?: "true" | undefined;
  decidedMonth?: string | undefined;
  outcome?: "accredited" | "not_accredited" | undefined;
  visitedMonth?: string | undefined;
  returned?: "true" | undefined;
  reason?: string | undefined;
  asesor?: string | undefined;
  /** Two asesor ids joined by `~`: the reconciliations both were on. */
  pair?: string | undefined;
}

export interface ReportApplicationRow {
  applicationId: string;
  lksId: string;
  lksName: string;
  regionCode: string;
  regionName: string;
  tenantSlug: string;
  step: string;
  at: string;
  dueAt: string | null;
  event: string | null;
}

/** The first instant of a Jakarta month (UTC+7, no daylight saving), as stored instants are written. */
function jakartaMonthStart(month: string): string {
  return new Date(Date.parse(`${month}-01T00:00:00+07:00`)).toISOString();
}

/** The month after `month` (YYYY-MM). */
function nextMonth(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
}

export interface CoverageGroup {
  regionCode: string;
  lksType: string;
  category: CoverageCategory;
  n: number;
}

/** Tenants of an area (alias t), for the figures kept per tenant: a kab/kota's, or a province's and its kab/kota's. */
function tenantRegion(area: { province?: string | undefined; regency?: string | undefined }, index: number) {
  if (area.regency) return { sql: `t.region_code = ?${index}`, params: [area.regency] };
  if (area.province)
    return {
      sql: `(t.region_code = ?${index} OR t.region_code LIKE ?${index + 1})`,
      params: [area.province, `${area.province}.%`],
    };
  return { sql: "", params: [] as string[] };
}

export interface ReportFreshness {
  /** The oldest computation among the tenants counted (null: never computed). */
  computedAt: string | null;
  /** The first change not yet counted, if any. */
  dirtySince: string | null;
}

export function reportReads(db: Db, reach: ReportReach) {
  const d1 = db.$client;
  const reachSql = (column: string, index: number) =>
    reach ? `${column} IN (SELECT value FROM json_each(?${index}))` : "1 = 1";
  const reachParams = reach ? [JSON.stringify(reach)] : [];

  /** Coverage groups from `report_counts` (the country's counts, every tenant: national reach only). */
  async function countedCoverage(
    level: "regency" | "province",
    f: ReportFilter,
    asProvince = false,
  ): Promise<CoverageGroup[]> {
    const parts = ["c.level = ?1"];
    const params: unknown[] = [level];
    const add = (clause: string, value: unknown) => {
      params.push(value);
      parts.push(`${clause} = ?${params.length}`);
    };
    if (f.province) add("c.province_code", f.province);
    if (f.regency) add("c.area_code", f.regency);
    if (f.lksType) add("c.lks_type", f.lksType);
    if (f.category) add("c.category", f.category);
    if (f.grade) add("c.category", `accredited_${f.grade.toLowerCase()}`);
    const { results } = await d1
      .prepare(
        `SELECT ${asProvince ? "c.province_code" : "c.area_code"} AS regionCode, c.lks_type AS lksType, c.category,
           ${asProvince && level === "regency" ? "sum(c.n)" : "c.n"} AS n
         FROM report_counts c WHERE ${parts.join(" AND ")}
         ${asProvince && level === "regency" ? "GROUP BY c.province_code, c.lks_type, c.category" : ""}`,
      )
      .bind(...params)
      .all<CoverageGroup>();
    return results;
  }

  return {
    reach,
    /**
     * LKS counts per kab/kota, main type and category. Nationally from `report_counts` (a
     * province's kab/kota are one index range there); a tenant's reach, a few hundred LKS at most
     * in one province, is counted from `report_lks`, whose rows carry the tenant.
     */
    async coverage(filter: ReportFilter): Promise<CoverageGroup[]> {
      if (!reach) return countedCoverage("regency", filter);
      const w = where(reach, filter);
      const { results } = await d1
        .prepare(
          `SELECT r.region_code AS regionCode, r.lks_type AS lksType, r.category, count(*) AS n
           FROM report_lks r ${w.sql} GROUP BY r.province_code, r.region_code, r.lks_type, r.category`,
        )
        .bind(...w.params)
        .all<CoverageGroup>();
      return results;
    },

    /**
     * The same counts per province instead of per kab/kota (`regionCode` is the province's code):
     * for a view that lists no kab/kota, a fiftieth of the rows to carry out of D1.
     */
    async coverageByProvince(filter: ReportFilter): Promise<CoverageGroup[]> {
      // A kab/kota filter needs the kab/kota rows (its province's rows count the others too).
      if (!reach) return countedCoverage(filter.regency ? "regency" : "province", filter, true);
      const w = where(reach, filter);
      const { results } = await d1
        .prepare(
          `SELECT r.province_code AS regionCode, r.lks_type AS lksType, r.category, count(*) AS n
           FROM report_lks r ${w.sql} GROUP BY r.province_code, r.lks_type, r.category`,
        )
        .bind(...w.params)
        .all<CoverageGroup>();
      return results;
    },

    /**
     * The regions a report shows, with their tenant if any: every province and kab/kota nationally;
     * for a tenant its own region and, for a province, every kab/kota in it (on Akrab or not).
     */
    async areas(): Promise<
      {
        code: string;
        name: string;
        kind: "province" | "regency" | "city";
        provinceCode: string | null;
        tenantStatus: "active" | "deactivated" | null;
        tenantId: string | null;
        tenantSlug: string | null;
        tenantName: string | null;
      }[]
    > {
      const inReach = reach
        ? `WHERE g.code IN (SELECT region_code FROM tenants WHERE id IN (SELECT value FROM json_each(?1)))
             OR g.province_code IN (SELECT region_code FROM tenants WHERE level = 'province' AND id IN (SELECT value FROM json_each(?1)))`
        : "";
      const { results } = await d1
        .prepare(
          `SELECT g.code, g.name, g.kind, g.province_code AS provinceCode, t.status AS tenantStatus, t.id AS tenantId, t.slug AS tenantSlug, t.name AS tenantName
           FROM regions g LEFT JOIN tenants t ON t.region_code = g.code ${inReach} ORDER BY g.code`,
        )
        .bind(...reachParams)
        .all();
      return results as Awaited<ReturnType<ReportReads["areas"]>>;
    },

    /** Assignments per asesor (declined invitations included: they are work of the secretariat too). */
    async asesorAssignments(): Promise<
      { id: string; name: string; provinceCode: string; assignments: number; openAssignments: number }[]
    > {
      const { results } = await d1
        .prepare(
          `SELECT s.id, s.name, s.province_code AS provinceCode, count(x.id) AS assignments,
             coalesce(sum(CASE WHEN x.status != 'declined' AND a.open = 1 THEN 1 ELSE 0 END), 0) AS openAssignments
           FROM asesors s
           LEFT JOIN assessment_assignments x ON x.asesor_id = s.id AND ${reachSql("x.tenant_id", 1)}
           LEFT JOIN applications a ON a.id = x.application_id
           GROUP BY s.id ORDER BY s.name, s.id`,
        )
        .bind(...reachParams)
        .all<{ id: string; name: string; provinceCode: string; assignments: number; openAssignments: number }>();
      return results;
    },

    /**
     * Per application decided or visited since `since`: when its team was assigned, when the visit
     * was recorded and when BALKS decided (the latest of each), for the time between them.
     */
    async assessmentTimes(
      since: string,
    ): Promise<{ assignedAt: string | null; visitedAt: string | null; decidedAt: string | null }[]> {
      const { results } = await d1
        .prepare(
          `SELECT max(CASE WHEN e.action = 'assign' THEN e.at END) AS assignedAt,
             max(CASE WHEN e.action = 'record_visit' THEN e.at END) AS visitedAt,
             max(CASE WHEN e.to_step IN ('accredited', 'not_accredited') THEN e.at END) AS decidedAt
           FROM application_events e
           WHERE e.action IN ('assign', 'record_visit', 'accredit', 'decline') AND e.at >= ?2 AND ${reachSql("e.tenant_id", 1)}
           GROUP BY e.application_id`,
        )
        .bind(reach ? JSON.stringify(reach) : null, since)
        .all<{ assignedAt: string | null; visitedAt: string | null; decidedAt: string | null }>();
      return results;
    },

    /** The reconciled sheets of the period (their teams and indicators), for the flags per asesor pair. */
    async reconciledSheets(
      from: string,
      to: string,
    ): Promise<{ team: string[]; indicators: { levels: Record<string, number | null>; flags: unknown[] }[] }[]> {
      const { results } = await d1
        .prepare(
          `SELECT x.sheet FROM reconciliations x
           WHERE ${reach ? reachSql("x.tenant_id", 1) : "?1 IS NULL"} AND x.created_at >= ?2 AND x.created_at < ?3`,
        )
        .bind(reach ? JSON.stringify(reach) : null, jakartaMonthStart(from), jakartaMonthStart(nextMonth(to)))
        .all<{ sheet: string }>();
      return results.map((r) => {
        const sheet = JSON.parse(r.sheet) as {
          team?: string[];
          indicators?: { levels?: Record<string, number | null>; flags?: unknown[] }[];
        };
        return {
          team: sheet.team ?? [],
          indicators: (sheet.indicators ?? []).map((i) => ({ levels: i.levels ?? {}, flags: i.flags ?? [] })),
        };
      });
    },

    /** When the counted tenants' roll-ups were computed. */
    async freshness(): Promise<ReportFreshness> {
      const row = await d1
        .prepare(
          `SELECT min(s.computed_at) AS computedAt, min(s.dirty_since) AS dirtySince FROM report_state s
           WHERE ${reachSql("s.tenant_id", 1)}`,
        )
        .bind(...reachParams)
        .first<ReportFreshness>();
      return row ?? { computedAt: null, dirtySince: null };
    },

    /** Per tenant: its computation time (a figure's own freshness). */
    async computedAtByTenant(): Promise<Map<string, { regionCode: string; computedAt: string | null }>> {
      const { results } = await d1
        .prepare(
          `SELECT t.id, t.region_code AS regionCode, s.computed_at AS computedAt
           FROM tenants t LEFT JOIN report_state s ON s.tenant_id = t.id WHERE ${reachSql("t.id", 1)}`,
        )
        .bind(...reachParams)
        .all<{ id: string; regionCode: string; computedAt: string | null }>();
      return new Map(results.map((r) => [r.id, { regionCode: r.regionCode, computedAt: r.computedAt }]));
    },

    /**
     * Monthly measures (decisions, visits, returns and their reasons) from `from` to `to` (YYYY-MM).
     * They are kept per tenant, so a province or kab/kota filter narrows to the tenants of that area
     * (the same narrowing as the list behind them).
     */
    async monthly(
      from: string,
      to: string,
      area: Pick<ReportFilter, "province" | "regency"> = {},
    ): Promise<{ month: string; measure: string; n: number }[]> {
      const region = tenantRegion(area, 4);
      const { results } = await d1
        .prepare(
          `SELECT m.month, m.measure, sum(m.count) AS n FROM report_monthly m
           WHERE ${reach ? reachSql("m.tenant_id", 3) : "?3 IS NULL"} AND m.month >= ?1 AND m.month <= ?2
             ${region.sql ? `AND m.tenant_id IN (SELECT id FROM tenants t WHERE ${region.sql})` : ""}
           GROUP BY m.month, m.measure`,
        )
        // ?3 is the reach, null nationally; the area's values are ?4 and on.
        .bind(from, to, reach ? JSON.stringify(reach) : null, ...region.params)
        .all<{ month: string; measure: string; n: number }>();
      return results;
    },

    /**
     * The applications behind a pipeline or asesor figure, one row per thing the figure counts,
     * keyset-paginated. Null for a cursor this list did not issue.
     */
    async applications(
      filter: ApplicationListFilter,
      page: { cursor?: string | undefined; limit: number },
      nowIso: string,
    ): Promise<Page<ReportApplicationRow> | null> {
      const params: unknown[] = [reach ? JSON.stringify(reach) : null];
      const parts: string[] = [];
      const bind = (value: unknown) => {
        params.push(value);
        return `?${params.length}`;
      };
      const month = filter.decidedMonth ?? filter.visitedMonth;
      const eventKind = filter.pair
        ? "pair"
        : filter.asesor
          ? "assignment"
          : filter.decidedMonth
            ? "decision"
            : filter.visitedMonth
              ? "visit"
              : filter.returned
                ? "return"
                : null;
      // The row's instant and key: the event's, the assignment's, or entering the step.
      const [at, key, event] =
        eventKind === "pair"
          ? ["x.created_at", "x.id", "'reconciled'"]
          : eventKind === "assignment"
            ? ["x.assigned_at", "x.id", "x.status"]
            : eventKind
              ? [
                  "e.at",
                  "e.id",
                  eventKind === "decision" ? "e.to_step" : eventKind === "visit" ? "'visit'" : "'returned'",
                ]
              : ["a.step_entered_at", "a.id", "NULL"];
      let from = "applications a";
      if (eventKind === "pair") {
        // As the pairs figure counts them: reconciled sheets whose team holds both, in the period.
        from = "reconciliations x JOIN applications a ON a.id = x.application_id";
        const [first, second] = (filter.pair ?? "").split("~");
        parts.push(
          reachSql("x.tenant_id", 1),
          `EXISTS (SELECT 1 FROM json_each(x.sheet, '$.team') WHERE value = ${bind(first ?? "")})`,
          `EXISTS (SELECT 1 FROM json_each(x.sheet, '$.team') WHERE value = ${bind(second ?? "")})`,
        );
        if (filter.from) parts.push(`x.created_at >= ${bind(jakartaMonthStart(filter.from))}`);
        if (filter.to) parts.push(`x.created_at < ${bind(jakartaMonthStart(nextMonth(filter.to)))}`);
      } else if (eventKind === "assignment") {
        from = "assessment_assignments x JOIN applications a ON a.id = x.application_id";
        parts.push(reachSql("x.tenant_id", 1), `x.asesor_id = ${bind(filter.asesor)}`);
      } else if (eventKind) {
        from = "application_events e JOIN applications a ON a.id = e.application_id";
        parts.push(reachSql("a.tenant_id", 1));
        if (eventKind === "decision")
          parts.push(
            filter.outcome ? `e.to_step = ${bind(filter.outcome)}` : "e.to_step IN ('accredited', 'not_accredited')",
          );
        // As the monthly roll-up counts them: a visit is its recording, a return entering revision.
        else if (eventKind === "visit") parts.push("e.action = 'record_visit'");
        else {
          parts.push(`e.to_step = ${bind(REVISION_STEP)}`);
          if (filter.reason)
            parts.push(
              `EXISTS (SELECT 1 FROM json_each(coalesce(e.items, '[]')) j WHERE json_extract(j.value, '$.kind') || ':' || json_extract(j.value, '$.ref') = ${bind(filter.reason)})`,
            );
        }
        const first = month ?? filter.from;
        const last = month ?? filter.to;
        if (first) parts.push(`e.at >= ${bind(jakartaMonthStart(first))}`);
        if (last) parts.push(`e.at < ${bind(jakartaMonthStart(nextMonth(last)))}`);
        // Kept per tenant, as the monthly figures are: the area is the tenant's.
        const region = tenantRegion(filter, params.length + 1);
        if (region.sql) {
          params.push(...region.params);
          parts.push(`a.tenant_id IN (SELECT id FROM tenants t WHERE ${region.sql})`);
        }
      } else {
        // Waiting: open and past its draft, as the step figures count them, by the LKS's area.
        parts.push(reachSql("a.tenant_id", 1), "a.open = 1", "a.submitted_at IS NOT NULL");
        if (filter.step) parts.push(`a.step = ${bind(filter.step)}`);
        if (filter.overdue) parts.push(`a.step_due_at IS NOT NULL AND a.step_due_at < ${bind(nowIso)}`);
        if (filter.tenant) parts.push(`a.tenant_id = (SELECT id FROM tenants WHERE slug = ${bind(filter.tenant)})`);
        if (filter.regency) parts.push(`l.region_code = ${bind(filter.regency)}`);
        else if (filter.province) parts.push(`l.region_code LIKE ${bind(`${filter.province}.%`)}`);
        if (filter.lksType) parts.push(`l.types ->> 0 = ${bind(filter.lksType)}`);
      }
      if (page.cursor) {
        const k = decodeCursor(page.cursor, 2);
        if (!k) return null;
        const a = bind(k[0]);
        const b = bind(k[1]);
        parts.push(`(${at} > ${a} OR (${at} = ${a} AND ${key} > ${b}))`);
      }
      const limit = bind(page.limit + 1);
      const { results } = await d1
        .prepare(
          `SELECT a.id AS applicationId, a.lks_id AS lksId, l.name AS lksName, l.region_code AS regionCode,
             g.name AS regionName, t.slug AS tenantSlug, a.step, ${at} AS at, a.step_due_at AS dueAt,
             ${event} AS event, ${key} AS rowKey
           FROM ${from} JOIN lks l ON l.id = a.lks_id JOIN tenants t ON t.id = a.tenant_id
             JOIN regions g ON g.code = l.region_code
           WHERE ${parts.join(" AND ")} ORDER BY ${at}, ${key} LIMIT ${limit}`,
        )
        .bind(...params)
        .all<ReportApplicationRow & { rowKey: string }>();
      const rows = results.slice(0, page.limit);
      const last = rows.at(-1);
      return {
        items: rows.map(({ rowKey: _k, ...r }) => r),
        nextCursor: results.length > page.limit && last ? encodeCursor([last.at, last.rowKey]) : null,
      };
    },

    /** Open applications past their draft, with where they wait: live, for the waiting times. */
    async waiting(
      filter: ReportFilter,
    ): Promise<{ step: string; enteredAt: string; dueAt: string | null; tenantId: string }[]> {
      const params: unknown[] = [...reachParams];
      const parts = [reachSql("a.tenant_id", 1), "a.open = 1", "a.submitted_at IS NOT NULL"];
      const region = filter.regency ?? filter.province;
      if (region) {
        params.push(filter.regency ? region : `${region}.%`);
        parts.push(filter.regency ? `l.region_code = ?${params.length}` : `l.region_code LIKE ?${params.length}`);
      }
      if (filter.lksType) {
        params.push(filter.lksType);
        parts.push(`l.types ->> 0 = ?${params.length}`);
      }
      const { results } = await d1
        .prepare(
          `SELECT a.step, a.step_entered_at AS enteredAt, a.step_due_at AS dueAt, a.tenant_id AS tenantId
           FROM applications a JOIN lks l ON l.id = a.lks_id WHERE ${parts.join(" AND ")}`,
        )
        .bind(...params)
        .all<{ step: string; enteredAt: string; dueAt: string | null; tenantId: string }>();
      return results;
    },

    /**
     * The LKS behind a coverage figure, by name: one index range per page (keyset on name, id).
     * Null for a cursor this list did not issue.
     */
    async lks(
      filter: ReportFilter,
      page: { cursor?: string | undefined; limit: number },
    ): Promise<Page<{
      id: string;
      name: string;
      lksType: string;
      regionCode: string;
      regionName: string;
      tenantSlug: string;
      category: CoverageCategory;
    }> | null> {
      const w = where(reach, filter);
      let after = "";
      if (page.cursor) {
        const key = decodeCursor(page.cursor, 2);
        if (!key) return null;
        w.params.push(key[0], key[1]);
        const a = w.params.length - 1;
        after = `${w.sql ? " AND" : "WHERE"} (r.name > ?${a} OR (r.name = ?${a} AND r.lks_id > ?${a + 1}))`;
      }
      w.params.push(page.limit + 1);
      const { results } = await d1
        .prepare(
          `SELECT r.lks_id AS id, r.name, r.lks_type AS lksType, r.region_code AS regionCode, g.name AS regionName,
             t.slug AS tenantSlug, r.category
           FROM report_lks r JOIN regions g ON g.code = r.region_code JOIN tenants t ON t.id = r.tenant_id
           ${w.sql}${after} ORDER BY r.name, r.lks_id LIMIT ?${w.params.length}`,
        )
        .bind(...w.params)
        .all<{
          id: string;
          name: string;
          lksType: string;
          regionCode: string;
          regionName: string;
          tenantSlug: string;
          category: CoverageCategory;
        }>();
      const items = results.slice(0, page.limit);
      const last = items.at(-1);
      return {
        items,
        nextCursor: results.length > page.limit && last ? encodeCursor([last.name, last.id]) : null,
      };
    },
  };
}

export type ReportReads = ReturnType<typeof reportReads>;
