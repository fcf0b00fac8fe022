/**
 * Demo data for `npm start` and the tests: real regions, fictional LKS and one user per role.
 * Every row has a fixed id and is inserted with INSERT OR IGNORE, so loading it twice changes nothing.
 */
import { createHash } from "node:crypto";
import { regionDisplayName, type Role } from "../packages/domain/src/index.ts";
import { hashPassword } from "../worker/src/services/password.ts";
import { sqlString } from "./sql.ts";

export const DEMO_PASSWORD = "Akrab-Demo-2026!";
const SEEDED_AT = "2026-01-05T01:00:00.000Z";

interface DemoTenant { slug: string; regionCode: string; kind: "province" | "regency" | "city"; officialName: string; parent?: string }

export const DEMO_TENANTS: DemoTenant[] = [
  { slug: "prov-banten", regionCode: "36", kind: "province", officialName: "Banten" },
  { slug: "kota-tangerang", regionCode: "36.71", kind: "city", officialName: "Kota Tangerang", parent: "prov-banten" },
  { slug: "kab-pandeglang", regionCode: "36.01", kind: "regency", officialName: "Kabupaten Pandeglang", parent: "prov-banten" },
  { slug: "kab-lebak", regionCode: "36.02", kind: "regency", officialName: "Kabupaten Lebak", parent: "prov-banten" },
  { slug: "prov-dki-jakarta", regionCode: "31", kind: "province", officialName: "Daerah Khusus Ibukota Jakarta" },
  { slug: "prov-jawa-tengah", regionCode: "33", kind: "province", officialName: "Jawa Tengah" },
  { slug: "kab-batang", regionCode: "33.25", kind: "regency", officialName: "Kabupaten Batang", parent: "prov-jawa-tengah" },
];

interface DemoLks { key: string; tenant: string; name: string; type: string; serviceMode: "dalam_panti" | "luar_panti" | "keduanya"; status: "registered" | "pending_verification"; regionCode: string; address: string }

export const DEMO_LKS: DemoLks[] = [
  { key: "kasih-bunda", tenant: "kota-tangerang", name: "Panti Asuhan Kasih Bunda", type: "LKSA", serviceMode: "dalam_panti", status: "registered", regionCode: "36.71", address: "Jl. Daan Mogot No. 12, Kec. Tangerang" },
  { key: "werdha-cipondoh", tenant: "kota-tangerang", name: "Panti Werdha Sejahtera Cipondoh", type: "LKS-LU", serviceMode: "dalam_panti", status: "registered", regionCode: "36.71", address: "Jl. KH Hasyim Ashari No. 40, Kec. Cipondoh" },
  { key: "difabel-mandiri", tenant: "kota-tangerang", name: "Yayasan Difabel Mandiri Tangerang", type: "LKSPD", serviceMode: "luar_panti", status: "pending_verification", regionCode: "36.71", address: "Jl. Imam Bonjol No. 7, Kec. Karawaci" },
  { key: "al-hikmah-lebak", tenant: "kab-lebak", name: "Panti Asuhan Al-Hikmah Rangkasbitung", type: "LKSA", serviceMode: "dalam_panti", status: "registered", regionCode: "36.02", address: "Jl. Multatuli No. 3, Kec. Rangkasbitung" },
  { key: "rumah-singgah-pandeglang", tenant: "kab-pandeglang", name: "Rumah Singgah Anak Pandeglang", type: "LKSA", serviceMode: "keduanya", status: "registered", regionCode: "36.01", address: "Jl. Raya Labuan Km 2, Kec. Pandeglang" },
  { key: "lansia-batang", tenant: "kab-batang", name: "LKS Lansia Bahagia Batang", type: "LKS-LU", serviceMode: "luar_panti", status: "registered", regionCode: "33.25", address: "Jl. Gajah Mada No. 21, Kec. Batang" },
  { key: "bina-laras-jakarta", tenant: "prov-dki-jakarta", name: "Yayasan Bina Laras Jakarta Timur", type: "LKSPD", serviceMode: "dalam_panti", status: "registered", regionCode: "31.75", address: "Jl. Raya Bogor Km 19, Kec. Kramat Jati" },
];

interface DemoUser { email: string; name: string; grants: { role: Role; tenant?: string; lks?: string }[] }

export const DEMO_USERS: DemoUser[] = [
  { email: "admin@akrab.test", name: "Admin Platform", grants: [{ role: "platform_admin" }] },
  { email: "balks@akrab.test", name: "Sekretariat BALKS", grants: [{ role: "balks_secretariat" }, { role: "balks_decider" }] },
  { email: "asesor@akrab.test", name: "Dr. Rina Asesor", grants: [{ role: "asesor" }] },
  { email: "viewer@akrab.test", name: "Pemantau Kemensos", grants: [{ role: "national_viewer" }] },
  {
    email: "dinsos.kota-tangerang@akrab.test",
    name: "Dinsos Kota Tangerang",
    grants: [
      { role: "tenant_admin", tenant: "kota-tangerang" },
      { role: "dinsos_verifier", tenant: "kota-tangerang" },
      { role: "dinsos_head", tenant: "kota-tangerang" },
    ],
  },
  {
    email: "dinsos.banten@akrab.test",
    name: "Dinsos Provinsi Banten",
    grants: [
      { role: "tenant_admin", tenant: "prov-banten" },
      { role: "dinsos_verifier", tenant: "prov-banten" },
      // Seconded to help a kabupaten verify: a user with memberships in two tenants.
      { role: "dinsos_verifier", tenant: "kab-pandeglang" },
    ],
  },
  { email: "dinsos.lebak@akrab.test", name: "Dinsos Kabupaten Lebak", grants: [{ role: "tenant_admin", tenant: "kab-lebak" }, { role: "dinsos_verifier", tenant: "kab-lebak" }] },
  { email: "dinsos.batang@akrab.test", name: "Dinsos Kabupaten Batang", grants: [{ role: "tenant_admin", tenant: "kab-batang" }, { role: "dinsos_verifier", tenant: "kab-batang" }] },
  { email: "lks@akrab.test", name: "Operator Kasih Bunda", grants: [{ role: "lks_operator", tenant: "kota-tangerang", lks: "kasih-bunda" }] },
];

/** Stable UUID-shaped ids derived from a name, so re-seeding hits the same rows. */
export function demoId(kind: string, key: string): string {
  const hex = createHash("sha256").update(`akrab-demo:${kind}:${key}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

function insert(table: string, row: Record<string, string | number | null>): string {
  const columns = Object.keys(row);
  return `INSERT OR IGNORE INTO ${table} (${columns.join(", ")}) VALUES (${columns.map((c) => sqlString(row[c]!)).join(", ")});`;
}

export async function demoSeedStatements(): Promise<string[]> {
  const statements: string[] = [];
  for (const t of DEMO_TENANTS) {
    statements.push(
      insert("tenants", {
        id: demoId("tenant", t.slug),
        region_code: t.regionCode,
        slug: t.slug,
        name: `Dinas Sosial ${regionDisplayName(t.kind, t.officialName)}`,
        level: t.kind === "province" ? "province" : "kabkota",
        parent_id: t.parent ? demoId("tenant", t.parent) : null,
        status: "active",
        shard: 0,
        created_at: SEEDED_AT,
      }),
    );
  }
  for (const l of DEMO_LKS) {
    statements.push(
      insert("lks", {
        id: demoId("lks", l.key),
        tenant_id: demoId("tenant", l.tenant),
        name: l.name,
        type: l.type,
        service_mode: l.serviceMode,
        status: l.status,
        region_code: l.regionCode,
        address: l.address,
        created_at: SEEDED_AT,
        updated_at: SEEDED_AT,
      }),
    );
  }
  for (const u of DEMO_USERS) {
    const userId = demoId("user", u.email);
    statements.push(insert("users", { id: userId, email: u.email, name: u.name, password_hash: await hashPassword(DEMO_PASSWORD), status: "active", created_at: SEEDED_AT, updated_at: SEEDED_AT }));
    for (const g of u.grants) {
      statements.push(
        insert("memberships", {
          id: demoId("membership", `${u.email}:${g.role}:${g.tenant ?? ""}:${g.lks ?? ""}`),
          user_id: userId,
          tenant_id: g.tenant ? demoId("tenant", g.tenant) : null,
          role: g.role,
          lks_id: g.lks ? demoId("lks", g.lks) : null,
          created_at: SEEDED_AT,
        }),
      );
    }
  }
  return statements;
}
