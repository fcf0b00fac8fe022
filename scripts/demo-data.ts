/**
 * Demo data for `npm start` and the tests: real regions, fictional LKS and one user per role.
 * Every row has a fixed id and is inserted with INSERT OR IGNORE, so loading it twice changes nothing.
 */
import { createHash } from "node:crypto";
import { LksProfileInput, type LksProfileDraft } from "../packages/contracts/src/index.ts";
import {
  APPLICATION_KINDS,
  DEFAULT_CHECKLISTS_BY_OWNERSHIP,
  DEFAULT_REGIONAL_PART,
  OWNERSHIP_GROUPS,
  addCalendarDays,
  composeDefinition,
  jakartaDay,
  regionDisplayName,
  type Role,
} from "../packages/domain/src/index.ts";
import { hashPassword } from "../worker/src/services/password.ts";
import { sqlString } from "./sql.ts";

export const DEMO_PASSWORD = "Akrab-Demo-2026!";
const SEEDED_AT = "2026-01-05T01:00:00.000Z";

interface DemoTenant {
  slug: string;
  regionCode: string;
  kind: "province" | "regency" | "city";
  officialName: string;
  parent?: string;
}

export const DEMO_TENANTS: DemoTenant[] = [
  { slug: "prov-banten", regionCode: "36", kind: "province", officialName: "Banten" },
  { slug: "kota-tangerang", regionCode: "36.71", kind: "city", officialName: "Kota Tangerang", parent: "prov-banten" },
  {
    slug: "kab-pandeglang",
    regionCode: "36.01",
    kind: "regency",
    officialName: "Kabupaten Pandeglang",
    parent: "prov-banten",
  },
  { slug: "kab-lebak", regionCode: "36.02", kind: "regency", officialName: "Kabupaten Lebak", parent: "prov-banten" },
  { slug: "prov-dki-jakarta", regionCode: "31", kind: "province", officialName: "Daerah Khusus Ibukota Jakarta" },
  { slug: "prov-jawa-tengah", regionCode: "33", kind: "province", officialName: "Jawa Tengah" },
  {
    slug: "kab-batang",
    regionCode: "33.25",
    kind: "regency",
    officialName: "Kabupaten Batang",
    parent: "prov-jawa-tengah",
  },
];

interface DemoLks {
  key: string;
  tenant: string;
  status: "registered" | "pending_verification";
  /** Days from today until the tanda daftar expires (registered LKS only). */
  tandaDaftarDays?: number;
  profile: Omit<LksProfileDraft, "tandaDaftar" | "izinOperasional">;
}

const board = (lead: string, nik: string) => [
  { name: lead, position: "Ketua", idNumber: nik },
  { name: "Siti Rahmawati", position: "Bendahara", idNumber: `${nik.slice(0, 12)}0002` },
];

export const DEMO_LKS: DemoLks[] = [
  {
    key: "kasih-bunda",
    tenant: "kota-tangerang",
    status: "registered",
    tandaDaftarDays: 60,
    profile: {
      name: "Panti Asuhan Kasih Bunda",
      legalForm: "yayasan",
      deed: { number: "12", date: "2009-03-02" },
      kemenkumham: { number: "AHU-1234.AH.01.04.2009", date: "2009-06-15" },
      npwp: "012345678901000",
      address: {
        street: "Jl. Daan Mogot No. 12",
        provinceCode: "36",
        regencyCode: "36.71",
        districtCode: "36.71.01",
        villageCode: "36.71.01.1001",
        postalCode: "15111",
      },
      phone: "+6221551234",
      email: "kasihbunda@example.org",
      board: board("Hj. Aminah Lubis", "3671014101700001"),
      types: ["LKSA"],
      serviceMode: "dalam_panti",
      ppks: ["anak_terlantar", "anak_balita_terlantar"],
      capacity: 40,
      currentClients: 32,
      staffCount: 9,
    },
  },
  {
    key: "werdha-cipondoh",
    tenant: "kota-tangerang",
    status: "registered",
    tandaDaftarDays: 400,
    profile: {
      name: "Panti Werdha Sejahtera Cipondoh",
      legalForm: "yayasan",
      deed: { number: "7", date: "2012-01-10" },
      kemenkumham: { number: "AHU-0456.AH.01.04.2012", date: "2012-02-20" },
      npwp: "023456789012000",
      address: {
        street: "Jl. KH Hasyim Ashari No. 40",
        provinceCode: "36",
        regencyCode: "36.71",
        districtCode: "36.71.05",
        villageCode: "36.71.05.1001",
      },
      phone: "+6221559876",
      email: "werdha.cipondoh@example.org",
      board: board("Drs. Bambang Hartono", "3671050507600003"),
      types: ["LKS-LU"],
      serviceMode: "dalam_panti",
      ppks: ["lansia_terlantar"],
      capacity: 30,
      currentClients: 27,
      staffCount: 11,
    },
  },
  {
    key: "difabel-mandiri",
    tenant: "kota-tangerang",
    status: "pending_verification",
    profile: {
      name: "Yayasan Difabel Mandiri Tangerang",
      legalForm: "yayasan",
      deed: { number: "3", date: "2021-08-09" },
      kemenkumham: { number: "AHU-0789.AH.01.04.2021", date: "2021-09-01" },
      npwp: "3671070101900005",
      address: {
        street: "Jl. Imam Bonjol No. 7",
        provinceCode: "36",
        regencyCode: "36.71",
        districtCode: "36.71.07",
        villageCode: "36.71.07.1001",
      },
      phone: "081234567890",
      email: "difabel.mandiri@example.org",
      board: board("Rudi Setiawan", "3671070101900005"),
      types: ["LKSPD"],
      serviceMode: "luar_panti",
      ppks: ["penyandang_disabilitas", "anak_disabilitas"],
      capacity: 0,
      currentClients: 85,
      staffCount: 6,
    },
  },
  {
    key: "al-hikmah-lebak",
    tenant: "kab-lebak",
    status: "registered",
    tandaDaftarDays: 25,
    profile: {
      name: "Panti Asuhan Al-Hikmah Rangkasbitung",
      legalForm: "yayasan",
      deed: { number: "21", date: "2005-05-05" },
      kemenkumham: { number: "AHU-2222.AH.01.04.2006", date: "2006-01-12" },
      npwp: "034567890123000",
      address: {
        street: "Jl. Multatuli No. 3",
        provinceCode: "36",
        regencyCode: "36.02",
        districtCode: "36.02.14",
        villageCode: "36.02.14.1002",
      },
      phone: "+62252201234",
      email: "alhikmah@example.org",
      board: board("KH. Ahmad Fauzi", "3602140202650002"),
      types: ["LKSA"],
      serviceMode: "dalam_panti",
      ppks: ["anak_terlantar"],
      capacity: 50,
      currentClients: 44,
      staffCount: 8,
    },
  },
  {
    key: "rumah-singgah-pandeglang",
    tenant: "kab-pandeglang",
    status: "registered",
    tandaDaftarDays: 700,
    profile: {
      name: "Rumah Singgah Anak Pandeglang",
      legalForm: "perkumpulan",
      deed: { number: "9", date: "2015-10-10" },
      kemenkumham: { number: "AHU-0099.AH.01.07.2016", date: "2016-02-02" },
      npwp: "045678901234000",
      address: {
        street: "Jl. Raya Labuan Km 2",
        provinceCode: "36",
        regencyCode: "36.01",
        districtCode: "36.01.21",
        villageCode: "36.01.21.1002",
      },
      phone: "+62253201111",
      email: "rumahsinggah@example.org",
      board: board("Nur Aisyah", "3601214707800004"),
      types: ["LKSA"],
      serviceMode: "keduanya",
      ppks: ["anak_jalanan", "anak_terlantar"],
      capacity: 20,
      currentClients: 18,
      staffCount: 5,
    },
  },
  {
    key: "lansia-batang",
    tenant: "kab-batang",
    status: "registered",
    tandaDaftarDays: 200,
    profile: {
      name: "LKS Lansia Bahagia Batang",
      legalForm: "non_badan_hukum",
      legalisation: { number: "470/12/2018", date: "2018-04-04" },
      npwp: "056789012345000",
      address: {
        street: "Jl. Gajah Mada No. 21",
        provinceCode: "33",
        regencyCode: "33.25",
        districtCode: "33.25.11",
        villageCode: "33.25.11.1013",
      },
      phone: "+62285391234",
      email: "lansiabahagia@example.org",
      board: board("Suparno", "3325111212550001"),
      types: ["LKS-LU"],
      serviceMode: "luar_panti",
      ppks: ["lansia_terlantar"],
      capacity: 0,
      currentClients: 60,
      staffCount: 4,
    },
  },
  {
    key: "bina-laras-jakarta",
    tenant: "prov-dki-jakarta",
    status: "registered",
    tandaDaftarDays: 1000,
    profile: {
      name: "Yayasan Bina Laras Jakarta Timur",
      legalForm: "yayasan",
      deed: { number: "44", date: "1999-09-09" },
      kemenkumham: { number: "C-1234.HT.01.02.TH2000", date: "2000-03-03" },
      npwp: "067890123456000",
      address: {
        street: "Jl. Matraman Raya No. 99",
        provinceCode: "31",
        regencyCode: "31.75",
        districtCode: "31.75.01",
        villageCode: "31.75.01.1001",
      },
      phone: "+62218501234",
      email: "binalaras@example.org",
      board: board("dr. Maria Simanjuntak", "3175014404700006"),
      types: ["LKSPD"],
      serviceMode: "dalam_panti",
      ppks: ["penyandang_disabilitas"],
      capacity: 120,
      currentClients: 110,
      staffCount: 35,
    },
  },
  // Government units (issue 17): a panti and a Loka Bina Karya owned by the province of DKI Jakarta.
  {
    key: "pstw-budi-mulia-jakarta",
    tenant: "prov-dki-jakarta",
    status: "registered",
    profile: {
      name: "Panti Sosial Tresna Werdha Budi Mulia 1",
      ownership: "provincial_government",
      institutionKind: "panti_pemerintah",
      owningAgency: "Dinas Sosial Provinsi DKI Jakarta",
      decree: { number: "Pergub 57 Tahun 2022", date: "2022-06-20", issuer: "Gubernur DKI Jakarta" },
      address: {
        street: "Jl. Bina Warga No. 1",
        provinceCode: "31",
        regencyCode: "31.75",
        districtCode: "31.75.03",
        villageCode: "31.75.03.1001",
      },
      phone: "+62218191234",
      email: "pstw.budimulia1@example.org",
      board: board("Dra. Endang Purwanti", "3175034505680007"),
      types: ["LKS-LU"],
      serviceMode: "dalam_panti",
      ppks: ["lansia_terlantar"],
      capacity: 250,
      currentClients: 231,
      staffCount: 64,
    },
  },
  {
    key: "lbk-jakarta-timur",
    tenant: "prov-dki-jakarta",
    status: "registered",
    profile: {
      name: "Loka Bina Karya Jakarta Timur",
      ownership: "provincial_government",
      institutionKind: "lbk",
      owningAgency: "Dinas Sosial Provinsi DKI Jakarta",
      decree: { number: "Pergub 57 Tahun 2022", date: "2022-06-20", issuer: "Gubernur DKI Jakarta" },
      address: {
        street: "Jl. Pahlawan Revolusi No. 5",
        provinceCode: "31",
        regencyCode: "31.75",
        districtCode: "31.75.02",
        villageCode: "31.75.02.1001",
      },
      phone: "+62218601234",
      email: "lbk.jaktim@example.org",
      board: board("Agus Salim", "3175020303700008"),
      types: ["LKS-LAIN"],
      serviceMode: "luar_panti",
      ppks: ["fakir_miskin", "gelandangan"],
      capacity: 0,
      currentClients: 120,
      staffCount: 12,
    },
  },
];

interface DemoUser {
  email: string;
  name: string;
  grants: { role: Role; tenant?: string; lks?: string }[];
}

export const DEMO_USERS: DemoUser[] = [
  { email: "admin@akrab.test", name: "Admin Platform", grants: [{ role: "platform_admin" }] },
  {
    email: "balks@akrab.test",
    name: "Sekretariat BALKS",
    grants: [{ role: "balks_secretariat" }, { role: "balks_decider" }],
  },
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
      { role: "dinsos_head", tenant: "prov-banten" },
      // Seconded to help a kabupaten verify: a user with memberships in two tenants.
      { role: "dinsos_verifier", tenant: "kab-pandeglang" },
    ],
  },
  {
    email: "dinsos.jakarta@akrab.test",
    name: "Dinsos Provinsi DKI Jakarta",
    grants: [
      { role: "tenant_admin", tenant: "prov-dki-jakarta" },
      { role: "dinsos_verifier", tenant: "prov-dki-jakarta" },
      { role: "dinsos_head", tenant: "prov-dki-jakarta" },
    ],
  },
  {
    email: "dinsos.lebak@akrab.test",
    name: "Dinsos Kabupaten Lebak",
    grants: [
      { role: "tenant_admin", tenant: "kab-lebak" },
      { role: "dinsos_verifier", tenant: "kab-lebak" },
    ],
  },
  {
    email: "dinsos.batang@akrab.test",
    name: "Dinsos Kabupaten Batang",
    grants: [
      { role: "tenant_admin", tenant: "kab-batang" },
      { role: "dinsos_verifier", tenant: "kab-batang" },
    ],
  },
  {
    email: "lks@akrab.test",
    name: "Operator Kasih Bunda",
    grants: [{ role: "lks_operator", tenant: "kota-tangerang", lks: "kasih-bunda" }],
  },
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
  // Permit dates relative to the day the demo is loaded, as people in Indonesia count days.
  const daysFromToday = (days: number) => addCalendarDays(jakartaDay(), days);
  for (const l of DEMO_LKS) {
    const tenant = DEMO_TENANTS.find((t) => t.slug === l.tenant)!;
    const tandaDaftar =
      l.tandaDaftarDays === undefined
        ? undefined
        : {
            number: `460/${l.key.length}${l.tandaDaftarDays}/Dinsos`,
            issuer: `Dinas Sosial ${regionDisplayName(tenant.kind, tenant.officialName)}`,
            issuedAt: daysFromToday(l.tandaDaftarDays - 5 * 365),
            expiresAt: daysFromToday(l.tandaDaftarDays),
          };
    // Validated like any submitted profile, so the demo data can never drift from the contract.
    const profile = LksProfileInput.parse({ ...l.profile, ...(tandaDaftar ? { tandaDaftar } : {}) });
    const row = {
      id: demoId("lks", l.key),
      tenant_id: demoId("tenant", l.tenant),
      name: profile.name,
      types: JSON.stringify(profile.types),
      ownership: profile.ownership,
      institution_kind: profile.institutionKind,
      service_mode: profile.serviceMode,
      status: l.status,
      region_code: profile.address.regencyCode,
      district_code: profile.address.districtCode,
      tanda_daftar_expires_on: profile.tandaDaftar?.expiresAt ?? null,
      izin_expires_on: null,
      profile: JSON.stringify(profile),
      return_comments: "[]",
      version: 1,
      created_at: SEEDED_AT,
      updated_at: SEEDED_AT,
    };
    // Rows from before the registry (version 0) get their full profile; anything else is left alone.
    const columns = Object.keys(row) as (keyof typeof row)[];
    statements.push(
      `INSERT INTO lks (${columns.join(", ")}) VALUES (${columns.map((c) => sqlString(row[c])).join(", ")})` +
        ` ON CONFLICT(id) DO UPDATE SET ${columns
          .filter((c) => c !== "id")
          .map((c) => `${c} = excluded.${c}`)
          .join(", ")} WHERE lks.version = 0;`,
    );
  }
  // Every demo tenant starts like an approved one: workflow version 1 and the national checklists.
  const regional = structuredClone(DEFAULT_REGIONAL_PART);
  for (const t of DEMO_TENANTS) {
    const tenantId = demoId("tenant", t.slug);
    statements.push(
      insert("workflow_versions", {
        tenant_id: tenantId,
        version: 1,
        regional: JSON.stringify(regional),
        definition: JSON.stringify(composeDefinition(regional)),
        published_by: null,
        published_at: SEEDED_AT,
      }),
    );
    for (const [ownership, kind] of OWNERSHIP_GROUPS.flatMap((o) => APPLICATION_KINDS.map((k) => [o, k] as const))) {
      for (const [position, item] of DEFAULT_CHECKLISTS_BY_OWNERSHIP[ownership][kind].entries()) {
        statements.push(
          insert("document_requirements", {
            // The community list keeps the ids it had before checklists were kept per ownership.
            id: demoId("requirement", `${t.slug}:${kind}:${ownership === "community" ? "" : "government:"}${item.key}`),
            tenant_id: tenantId,
            application_kind: kind,
            ownership,
            key: item.key,
            name: item.name,
            description: item.description,
            name_en: item.nameEn,
            description_en: item.descriptionEn,
            required: item.required ? 1 : 0,
            accepted_types: JSON.stringify(item.acceptedTypes),
            max_bytes: item.maxBytes,
            position,
          }),
        );
      }
    }
  }
  for (const u of DEMO_USERS) {
    const userId = demoId("user", u.email);
    statements.push(
      insert("users", {
        id: userId,
        email: u.email,
        name: u.name,
        password_hash: await hashPassword(DEMO_PASSWORD),
        status: "active",
        email_verified_at: SEEDED_AT,
        created_at: SEEDED_AT,
        updated_at: SEEDED_AT,
      }),
    );
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
  // The demo asesor in BALKS's registry (issue 13), so a team can be formed in the demo: she lives
  // in Kota Bandung, another province than every demo LKS, and may assess the demo LKS's types.
  statements.push(
    insert("asesors", {
      id: demoId("asesor", "asesor@akrab.test"),
      user_id: demoId("user", "asesor@akrab.test"),
      email: "asesor@akrab.test",
      name: "Dr. Rina Asesor",
      phone: "0812-2000-0013",
      province_code: "32",
      kab_kota_code: "32.73",
      background: "academic",
      lks_types: JSON.stringify(["LKSA", "LKS-LU", "LKSPD"]),
      qualifications: JSON.stringify([{ name: "Pelatihan Asesor Akreditasi LKS", date: "2025-08-14" }]),
      active: 1,
      version: 1,
      created_at: SEEDED_AT,
      updated_at: SEEDED_AT,
    }),
  );
  return statements;
}
