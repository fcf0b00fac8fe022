/**
 * SQL that fills Kota Tangerang with `count` registered LKS, each with one open application
 * waiting for kab/kota verification (a tenth of them overdue), for the inbox and transition
 * benchmarks. Ids are deterministic: bench-app-00001 …
 */
import { DEFAULT_CHECKLISTS } from "../packages/domain/src/index.ts";
import { demoId } from "../scripts/demo-data.ts";
import { sqlString } from "../scripts/sql.ts";

export function benchApplicationId(i: number): string {
  return `bench-app-${String(i).padStart(5, "0")}`;
}

export function applicationsSql(count: number): string {
  const tenantId = demoId("tenant", "kota-tangerang");
  const now = Date.now();
  const checklist = JSON.stringify(DEFAULT_CHECKLISTS.first.map((d) => ({ ...d, status: "missing" })));
  const letter = JSON.stringify({
    number: "1/2026",
    date: "2026-11-01",
    signatoryName: "Ketua",
    signatoryPosition: "Ketua",
  });
  const lines: string[] = [];
  for (let i = 1; i <= count; i++) {
    const lksId = `bench-lks-${String(i).padStart(5, "0")}`;
    const name = `LKS Bench ${String(i).padStart(5, "0")}`;
    const profile = JSON.stringify({ name, email: `bench${i}@example.org` });
    const due = new Date(now + (i % 10 === 0 ? -1 : 1) * ((i % 240) + 1) * 3_600_000).toISOString();
    const created = new Date(now - 86_400_000).toISOString();
    lines.push(
      `INSERT INTO lks (id, tenant_id, name, types, service_mode, status, region_code, district_code, tanda_daftar_expires_on, izin_expires_on, profile, return_comments, version, created_at, updated_at) VALUES (${[lksId, tenantId, name, '["LKSA"]', "dalam_panti", "registered", "36.71", "36.71.01", null, null, profile, "[]", 1, created, created].map(sqlString).join(", ")});`,
      `INSERT INTO applications (id, tenant_id, lks_id, kind, step, workflow_version, open, letter, profile_snapshot, checklist, return_items, step_entered_at, step_due_at, submitted_at, version, created_by, created_at, updated_at) VALUES (${[benchApplicationId(i), tenantId, lksId, "first", "kabkota_verification", 1, 1, letter, profile, checklist, "[]", created, due, created, 1, null, created, created].map(sqlString).join(", ")});`,
    );
  }
  return `${lines.join("\n")}\n`;
}
