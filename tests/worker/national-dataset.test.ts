import { env } from "cloudflare:workers";
import { LksProfileInput } from "@akrab/contracts";
import { PROVINCE_TILES, composeDefinition, DEFAULT_REGIONAL_PART } from "@akrab/domain";
import { beforeAll, describe, expect, it } from "vitest";
import {
  certificateStatements,
  nationalDataset,
  type NationalInput,
  type NationalRegion,
  type TableColumn,
} from "../../scripts/national-data.ts";

// The national-scale dataset generator (npm run seed:national), run here in workerd against real D1:
// counts at full scale, and a hundredth of it loaded into D1 with its foreign keys checked.

const NOW = "2026-12-01T01:00:00.000Z";
let input: NationalInput;

async function all<T>(sql: string): Promise<T[]> {
  return (await env.DB.prepare(sql).all<T>()).results;
}

beforeAll(async () => {
  const regions = await all<NationalRegion>(
    "SELECT code, name, kind, province_code AS provinceCode, slug FROM regions ORDER BY code",
  );
  const places = new Map<string, { district: string; village: string }[]>();
  for (const p of await all<{ regency: string; district: string; village: string | null }>(
    "SELECT d.parent_code AS regency, d.code AS district, (SELECT min(v.code) FROM areas v WHERE v.parent_code = d.code) AS village FROM areas d WHERE d.level = 'district' ORDER BY d.code",
  ))
    if (p.village)
      places.set(p.regency, [...(places.get(p.regency) ?? []), { district: p.district, village: p.village }]);
  const tenants = await all<{ id: string; regionCode: string }>("SELECT id, region_code AS regionCode FROM tenants");
  const balks = await all<{ id: string }>("SELECT id FROM users WHERE email = 'balks@akrab.test'");
  input = {
    regions,
    places,
    existingTenants: new Map(tenants.map((t) => [t.regionCode, t.id])),
    balksUserId: balks[0]!.id,
    now: NOW,
  };
});

describe("the national-scale dataset", () => {
  it("has the national counts at full scale and every step of the workflow", () => {
    const started = performance.now();
    const data = nationalDataset(input);
    const ms = performance.now() - started;
    console.log(`national dataset generated in workerd in ${ms.toFixed(0)} ms:`, JSON.stringify(data.counts));
    const demoTenants = input.existingTenants.size;
    expect(data.counts.tenants).toBe(552 - demoTenants);
    expect(data.counts.lks).toBe(25_000);
    expect(data.counts.applications).toBe(15_000);
    expect(data.counts.asesors).toBe(300);
    expect(data.certificates).toHaveLength(12_000);
    expect(new Set(data.certificates.map((c) => c.number)).size).toBe(12_000);
    // Every step of the composed default workflow holds applications.
    for (const step of composeDefinition(DEFAULT_REGIONAL_PART).steps)
      expect(data.counts[`applications in ${step.id}`], step.id).toBeGreaterThan(0);
    expect(data.counts["applications in certified"]).toBe(12_000);
    expect(data.counts["applications (renewal)"]).toBeGreaterThan(500);
    // Certificates over five years, every grade, most recent first in the re-accreditation window.
    const days = data.certificates.map((c) => c.decidedOn).sort();
    expect(days[0]! >= "2021-11-01" && days.at(-1)! < "2026-12-01").toBe(true);
    expect(new Set(data.certificates.map((c) => c.grade))).toEqual(new Set(["A", "B", "C"]));
    // Every statement fits D1's 100 KB limit.
    expect(Math.max(...data.statements.map((s) => s.length))).toBeLessThan(100_000);
    // Generating the whole country is a few seconds of CPU; on a busy shared machine, more.
  }, 60_000);

  it("comes out the same every time for the same seed and day, and differently for another seed", () => {
    const a = nationalDataset({ ...input, scale: 0.02 });
    expect(nationalDataset({ ...input, scale: 0.02 }).statements).toEqual(a.statements);
    expect(nationalDataset({ ...input, scale: 0.02, seed: 7 }).statements).not.toEqual(a.statements);
  }, 60_000);

  it("loads a hundredth of it into D1 with every reference whole: tenants, LKS, applications, timelines, teams, certificates", async () => {
    const data = nationalDataset({ ...input, scale: 0.01 });
    for (let i = 0; i < data.statements.length; i += 20)
      await env.DB.batch(data.statements.slice(i, i + 20).map((s) => env.DB.prepare(s)));

    // D1 enforces foreign keys as rows go in; the check confirms nothing dangles.
    expect(await all("PRAGMA foreign_key_check")).toEqual([]);

    // 552 tenants, one per region, each kab/kota tenant under its province's.
    const [t] = await all<{ tenants: number; regions: number; orphans: number }>(
      `SELECT (SELECT count(*) FROM tenants) AS tenants, (SELECT count(*) FROM regions) AS regions,
        (SELECT count(*) FROM tenants k JOIN regions r ON r.code = k.region_code
          WHERE r.kind != 'province' AND k.parent_id IS NOT (SELECT p.id FROM tenants p WHERE p.region_code = r.province_code)) AS orphans`,
    );
    expect(t).toEqual({ tenants: 552, regions: 552, orphans: 0 });

    const [n] = await all<Record<string, number>>(
      `SELECT (SELECT count(*) FROM lks WHERE id LIKE 'nat-%') AS lks,
        (SELECT count(*) FROM applications WHERE id LIKE 'nat-%') AS applications,
        (SELECT count(*) FROM asesors WHERE id LIKE 'nat-%') AS asesors,
        (SELECT count(*) FROM workflow_versions) AS workflows,
        (SELECT count(DISTINCT tenant_id) FROM document_requirements) AS checklists,
        (SELECT count(*) FROM applications a JOIN lks l ON l.id = a.lks_id WHERE a.tenant_id != l.tenant_id) AS wrongTenant,
        (SELECT count(*) FROM lks l JOIN regions r ON r.code = l.region_code WHERE r.kind = 'province') AS lksInProvince,
        (SELECT count(*) FROM lks l JOIN tenants t ON t.id = l.tenant_id JOIN regions r ON r.code = l.region_code
          WHERE t.region_code != r.code AND t.region_code != r.province_code) AS lksOutsideTenant,
        (SELECT count(*) FROM application_events e JOIN applications a ON a.id = e.application_id WHERE e.tenant_id != a.tenant_id) AS eventsWrongTenant,
        (SELECT count(*) FROM (SELECT lks_id FROM applications WHERE open = 1 GROUP BY lks_id HAVING count(*) > 1)) AS twoOpen,
        (SELECT count(*) FROM assessment_assignments WHERE application_id LIKE 'nat-%') AS assignments`,
    );
    expect(n).toMatchObject({
      lks: 250,
      applications: 150,
      asesors: 3,
      workflows: 552,
      checklists: 552,
      wrongTenant: 0,
      lksInProvince: 0,
      lksOutsideTenant: 0,
      eventsWrongTenant: 0,
      twoOpen: 0,
    });
    expect(n!.assignments).toBeGreaterThan(200);

    // The profiles are what the registry accepts from a form.
    for (const row of await all<{ profile: string }>(
      "SELECT profile FROM lks WHERE id LIKE 'nat-%' ORDER BY id LIMIT 25",
    ))
      expect(LksProfileInput.safeParse(JSON.parse(row.profile)).error?.issues ?? []).toEqual([]);

    // Certificates: into the certificates table once migration 0019 brings it; until then into a stand-in
    // with the columns the issue names, so the writer is exercised either way.
    await env.DB.prepare(
      `CREATE TABLE IF NOT EXISTS certificates (id text PRIMARY KEY NOT NULL, number text NOT NULL UNIQUE, tenant_id text NOT NULL REFERENCES tenants(id),
        application_id text NOT NULL REFERENCES applications(id), lks_id text NOT NULL REFERENCES lks(id), grade text NOT NULL,
        decided_on text NOT NULL, valid_from text NOT NULL, valid_until text NOT NULL, revoked_at text, created_at text NOT NULL)`,
    ).run();
    const columns = await all<TableColumn>("PRAGMA table_info(certificates)");
    await env.DB.batch(certificateStatements(data.certificates, columns).map((s) => env.DB.prepare(s)));
    const [c] = await all<{ n: number }>("SELECT count(*) AS n FROM certificates WHERE application_id LIKE 'nat-%'");
    expect(c?.n).toBe(data.certificates.length);
    expect(data.certificates.length).toBe(120);
    expect(await all("PRAGMA foreign_key_check")).toEqual([]);

    // Loading it again changes nothing.
    await env.DB.batch(data.statements.slice(0, 20).map((s) => env.DB.prepare(s)));
    const [again] = await all<{ n: number }>("SELECT count(*) AS n FROM lks WHERE id LIKE 'nat-%'");
    expect(again?.n).toBe(250);
  }, 60_000);

  it("says which certificate column it cannot fill, rather than guess", () => {
    const data = nationalDataset({ ...input, scale: 0.001 });
    const columns: TableColumn[] = [
      { name: "id", notnull: 1, dflt_value: null, pk: 1 },
      { name: "hologram_serial", notnull: 1, dflt_value: null, pk: 0 },
    ];
    expect(() => certificateStatements(data.certificates, columns)).toThrow(/hologram_serial/);
  });

  it("the cartogram has a tile for exactly the provinces of the regions table", async () => {
    const provinces = await all<{ code: string }>("SELECT code FROM regions WHERE kind = 'province' ORDER BY code");
    expect(provinces).toHaveLength(38);
    expect(Object.keys(PROVINCE_TILES).sort()).toEqual(provinces.map((p) => p.code));
  });
});
