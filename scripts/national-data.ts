/**
 * The national-scale dataset (issue 15): every province and kab/kota with its Dinsos on Akrab (552
 * tenants), 25,000 LKS spread by type and roughly by population, 15,000 applications in every step
 * of the workflow, 300 asesors with their visits, and 12,000 certificates over five years. Pure and
 * deterministic (a seeded generator, ids derived from counters, every date counted from `now`):
 * the same input gives the same SQL, in Node (`npm run seed:national`) and in workerd (the test).
 *
 * Certificates are their own part: their table arrives with another change (migration 0019), so
 * the generator returns them as data and `certificateStatements` writes them for whatever columns
 * the table has, or says which column it cannot fill.
 *
 * Simplifications, on purpose: every LKS is a community LKS; closed applications carry no document
 * checklist (their documents are not in the dataset); open ones carry the national checklist with
 * every document still missing; an application's timeline holds its submission and the move into
 * its current step (and the decision and certificate for decided ones), not every step between.
 */
import {
  APPLICATION_KINDS,
  DEFAULT_CHECKLISTS,
  DEFAULT_CHECKLISTS_BY_OWNERSHIP,
  DEFAULT_REGIONAL_PART,
  NATIONAL_PART,
  OWNERSHIP_GROUPS,
  composeDefinition,
  regionDisplayName,
  type Grade,
  type LksType,
} from "../packages/domain/src/index.ts";

export interface NationalRegion {
  code: string;
  name: string;
  kind: "province" | "regency" | "city";
  provinceCode: string | null;
  slug: string;
}

export interface NationalInput {
  regions: readonly NationalRegion[];
  /** For each kab/kota code, real kecamatan codes with one kelurahan/desa of each (from the areas table). */
  places: ReadonlyMap<string, readonly { district: string; village: string }[]>;
  /** Tenants that exist already, by region code: reused (their rows are left alone), never inserted again. */
  existingTenants: ReadonlyMap<string, string>;
  /** The BALKS user who assigned the asesor teams (the demo's balks@akrab.test). */
  balksUserId: string;
  /** The instant the dataset is "today" for (ISO). */
  now: string;
  /** 1 for the national dataset; 0.01 gives a hundredth of the LKS, applications, asesors and certificates. */
  scale?: number;
  seed?: number;
}

export interface CertificateSeed {
  id: string;
  number: string;
  sequence: number;
  year: number;
  tenantId: string;
  applicationId: string;
  lksId: string;
  lksName: string;
  lksType: LksType;
  regionCode: string;
  provinceCode: string;
  kabKotaName: string;
  provinceName: string;
  grade: Grade;
  decidedOn: string;
  validFrom: string;
  validUntil: string;
  instrumentVersionId: string;
  /** A few are revoked: the day and the reason. */
  revokedOn: string | null;
  revokeReason: string | null;
  createdAt: string;
}

export interface NationalDataset {
  /** INSERT OR IGNORE statements, each under D1's 100 KB statement limit, parents before children. */
  statements: string[];
  certificates: CertificateSeed[];
  counts: Record<string, number>;
}

/** National totals at scale 1 (DOMAIN.md "Scale"; issue 15). */
const NATIONAL = { lks: 25_000, applications: 15_000, certificates: 12_000, asesors: 300 } as const;

/** Population in millions (BPS, about 2024), to spread LKS and asesors roughly as people live. */
const PROVINCE_POPULATION: Record<string, number> = {
  "11": 5.5,
  "12": 15.6,
  "13": 5.8,
  "14": 6.7,
  "15": 3.7,
  "16": 8.8,
  "17": 2.1,
  "18": 9.4,
  "19": 1.5,
  "21": 2.2,
  "31": 10.7,
  "32": 50.3,
  "33": 37.9,
  "34": 3.7,
  "35": 41.6,
  "36": 12.4,
  "51": 4.4,
  "52": 5.6,
  "53": 5.6,
  "61": 5.6,
  "62": 2.8,
  "63": 4.2,
  "64": 4.0,
  "65": 0.7,
  "71": 2.7,
  "72": 3.1,
  "73": 9.4,
  "74": 2.8,
  "75": 1.2,
  "76": 1.5,
  "81": 1.9,
  "82": 1.4,
  "91": 1.0,
  "92": 0.6,
  "93": 0.5,
  "94": 1.5,
  "95": 1.5,
  "96": 0.6,
};

/** Most LKS are children's homes: 14,445 LKSA in July 2025 of about 25,000 LKS. */
const TYPE_WEIGHTS: [LksType, number][] = [
  ["LKSA", 58],
  ["LKS-LU", 14],
  ["LKSPD", 12],
  ["LKS-NAPZA", 5],
  ["LKS-ODHA", 2],
  ["LKS-LAIN", 9],
];

/** July 2025's children's homes: 871 A, 4,439 B, 6,897 C. */
const GRADE_WEIGHTS: [Grade, number][] = [
  ["A", 871],
  ["B", 4439],
  ["C", 6897],
];
const VALIDITY_YEARS: Record<Grade, number> = { A: 5, B: 3, C: 2 };

const INSTRUMENT_FOR: Record<LksType, string> = {
  LKSA: "lksa-2025-1",
  "LKS-LU": "lks-lu-2025-1",
  LKSPD: "lkspd-2025-1",
  "LKS-NAPZA": "lks-lain-2025-1",
  "LKS-ODHA": "lks-lain-2025-1",
  "LKS-LAIN": "lks-lain-2025-1",
};

const PPKS_FOR: Record<LksType, string[]> = {
  LKSA: ["anak_terlantar", "anak_balita_terlantar"],
  "LKS-LU": ["lansia_terlantar"],
  LKSPD: ["penyandang_disabilitas"],
  "LKS-NAPZA": ["korban_napza"],
  "LKS-ODHA": ["odha"],
  "LKS-LAIN": ["fakir_miskin"],
};

const NAME_PREFIX: Record<LksType, string[]> = {
  LKSA: ["Panti Asuhan", "LKSA", "Yayasan Panti Asuhan", "Rumah Anak"],
  "LKS-LU": ["Panti Werdha", "LKS Lansia", "Yayasan Lansia"],
  LKSPD: ["Yayasan Disabilitas", "LKS Difabel", "Rumah Harapan Disabilitas"],
  "LKS-NAPZA": ["Yayasan Rehabilitasi", "Rumah Pemulihan NAPZA"],
  "LKS-ODHA": ["Yayasan Peduli ODHA", "Rumah Singgah ODHA"],
  "LKS-LAIN": ["Yayasan Sosial", "LKS Peduli Sesama"],
};
const NAME_WORDS = [
  "Kasih",
  "Bunda",
  "Harapan",
  "Sejahtera",
  "Mulia",
  "Al-Ikhlas",
  "Nurul Iman",
  "Bina Insani",
  "Pelita",
  "Cahaya",
  "Mandiri",
  "Berkah",
  "Amanah",
  "Sinar",
  "Kartini",
  "Permata",
  "Dharma",
  "Budi Luhur",
  "Tunas",
  "Bangsa",
  "Sentosa",
  "Al-Hidayah",
  "Insan",
  "Kamil",
  "Baitul",
  "Rahmah",
  "Santa Maria",
  "Kristen",
  "Muhammadiyah",
];
const PEOPLE = [
  "Siti Aminah",
  "Budi Santoso",
  "Agus Salim",
  "Dewi Lestari",
  "Hendra Wijaya",
  "Nur Aisyah",
  "Yohanes Pello",
  "Made Suarta",
  "Rahmat Hidayat",
  "Maria Ulfa",
];

/** Steps of the path in order, the share of open applications waiting in each, and days waited at most. */
const OPEN_STEPS: [step: string, share: number, maxDays: number][] = [
  ["draft", 12, 120],
  ["kabkota_verification", 18, 40],
  ["revision", 8, 90],
  ["province_verification", 8, 25],
  ["balks_intake", 8, 20],
  ["admin_check", 8, 35],
  ["asesor_assignment", 10, 40],
  ["visit", 12, 75],
  ["scoring", 6, 20],
  ["decision", 6, 35],
  ["accredited", 4, 30],
];

const DAY_MS = 86_400_000;

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sql(value: string | number | null): string {
  if (value === null) return "NULL";
  if (typeof value === "number") return String(value);
  return `'${value.replaceAll("'", "''")}'`;
}

/**
 * Rows as multi-row INSERT OR IGNORE statements, each under D1's 100 KB statement limit. Kept per
 * table and written table by table in the order the tables first appear, parents before children
 * (every application before any of its events), however the rows were interleaved when made.
 */
class Inserts {
  private readonly tables = new Map<string, { columns: string; statements: string[]; rows: string[]; size: number }>();
  readonly counts = new Map<string, number>();

  add(table: string, row: Record<string, string | number | null>) {
    const columns = Object.keys(row).join(", ");
    const entry = this.tables.get(table) ?? { columns, statements: [], rows: [], size: 0 };
    this.tables.set(table, entry);
    if (entry.columns !== columns) throw new Error(`${table}: every row needs the same columns`);
    const values = `(${Object.values(row)
      .map((v) => sql(v ?? null))
      .join(", ")})`;
    if (entry.size + values.length > 90_000) this.flush(table);
    entry.rows.push(values);
    entry.size += values.length + 2;
    this.counts.set(table, (this.counts.get(table) ?? 0) + 1);
  }

  private flush(table: string) {
    const entry = this.tables.get(table);
    if (!entry || entry.rows.length === 0) return;
    entry.statements.push(`INSERT OR IGNORE INTO ${table} (${entry.columns}) VALUES\n${entry.rows.join(",\n")};`);
    entry.rows = [];
    entry.size = 0;
  }

  done(): string[] {
    for (const table of this.tables.keys()) this.flush(table);
    return [...this.tables.values()].flatMap((t) => t.statements);
  }
}

const pad = (n: number, width: number) => String(n).padStart(width, "0");
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const addYears = (day: string, years: number) => `${Number(day.slice(0, 4)) + years}${day.slice(4)}`;
const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"];

export function nationalDataset(input: NationalInput): NationalDataset {
  const scale = input.scale ?? 1;
  const random = mulberry32(input.seed ?? 2026);
  const now = Date.parse(input.now);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const weighted = <T>(items: readonly [T, number][]): T => {
    let r = random() * items.reduce((n, [, w]) => n + w, 0);
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    return (items.at(-1) as [T, number])[0];
  };
  const daysAgo = (days: number) => now - days * DAY_MS - Math.floor(random() * 8) * 3_600_000;
  const out = new Inserts();

  // Tenants: a province Dinsos per province, a kab/kota Dinsos per kab/kota (existing ones kept).
  const provinces = input.regions.filter((r) => r.kind === "province");
  const provinceNames = new Map(provinces.map((r) => [r.code, regionDisplayName(r.kind, r.name)]));
  const kabKota = input.regions.filter((r) => r.kind !== "province");
  const tenantOf = new Map(input.existingTenants);
  for (const r of [...provinces, ...kabKota]) if (!tenantOf.has(r.code)) tenantOf.set(r.code, `nat-tenant-${r.code}`);
  const tenantId = (code: string) => tenantOf.get(code) as string;
  const regional = structuredClone(DEFAULT_REGIONAL_PART);
  const regionalJson = JSON.stringify(regional);
  const definitionJson = JSON.stringify(composeDefinition(regional));
  const onboardedAt = new Date(now - 400 * DAY_MS).toISOString();
  for (const r of [...provinces, ...kabKota]) {
    if (input.existingTenants.has(r.code)) continue;
    out.add("tenants", {
      id: tenantId(r.code),
      region_code: r.code,
      slug: r.slug,
      name: `Dinas Sosial ${regionDisplayName(r.kind, r.name)}`,
      level: r.kind === "province" ? "province" : "kabkota",
      parent_id: r.provinceCode ? tenantId(r.provinceCode) : null,
      status: "active",
      shard: 0,
      created_at: onboardedAt,
    });
  }
  // Onboarded like an approved tenant: workflow version 1 and the national checklists.
  for (const r of [...provinces, ...kabKota]) {
    if (input.existingTenants.has(r.code)) continue;
    out.add("workflow_versions", {
      tenant_id: tenantId(r.code),
      version: 1,
      regional: regionalJson,
      definition: definitionJson,
      published_by: null,
      published_at: onboardedAt,
    });
  }
  for (const r of [...provinces, ...kabKota]) {
    if (input.existingTenants.has(r.code)) continue;
    for (const ownership of OWNERSHIP_GROUPS)
      for (const kind of APPLICATION_KINDS)
        for (const [position, item] of DEFAULT_CHECKLISTS_BY_OWNERSHIP[ownership][kind].entries())
          out.add("document_requirements", {
            id: `nat-req-${r.code}-${ownership}-${kind}-${item.key}`,
            tenant_id: tenantId(r.code),
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
          });
  }

  // Kab/kota weights: the province's population shared among its kab/kota, unevenly (0.3–1.7 each).
  const kabKotaWeights: [NationalRegion, number][] = kabKota.map((r) => {
    const siblings = kabKota.filter((k) => k.provinceCode === r.provinceCode).length;
    return [r, ((PROVINCE_POPULATION[r.provinceCode ?? ""] ?? 1) / siblings) * (0.3 + random() * 1.4)];
  });

  // LKS.
  interface Lks {
    id: string;
    name: string;
    type: LksType;
    tenantId: string;
    region: NationalRegion;
    status: string;
    profile: string;
    createdAt: string;
  }
  const lksCount = Math.round(NATIONAL.lks * scale);
  const lks: Lks[] = [];
  for (let i = 1; i <= lksCount; i++) {
    const region = weighted(kabKotaWeights);
    const type = weighted(TYPE_WEIGHTS);
    const second = random() < 0.05 ? weighted(TYPE_WEIGHTS) : type;
    const types = second === type ? [type] : [type, second];
    const name = `${pick(NAME_PREFIX[type])} ${pick(NAME_WORDS)} ${pick(NAME_WORDS)} ${pad(i, 5)}`;
    const place = pick(input.places.get(region.code) ?? []) ?? {
      district: `${region.code}.01`,
      village: `${region.code}.01.1001`,
    };
    // About 3 in 100 work across kab/kota and are registered with the province's Dinsos.
    const owner = random() < 0.03 && region.provinceCode ? region.provinceCode : region.code;
    const status = weighted([
      ["registered", 92],
      ["pending_verification", 4],
      ["returned", 1],
      ["inactive", 3],
    ]);
    const createdAt = new Date(daysAgo(400 + Math.floor(random() * 2500))).toISOString();
    const deedYear = 1975 + Math.floor(random() * 48);
    const residential = type === "LKSA" || type === "LKS-LU" ? random() < 0.85 : random() < 0.4;
    const profile = {
      name,
      ownership: "community",
      institutionKind: "lks",
      legalForm: random() < 0.85 ? "yayasan" : "perkumpulan",
      deed: {
        number: String(1 + Math.floor(random() * 90)),
        date: `${deedYear}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`,
      },
      kemenkumham: {
        number: `AHU-${pad(i, 5)}.AH.01.04.${deedYear + 1}`,
        date: `${deedYear + 1}-0${1 + Math.floor(random() * 9)}-2${Math.floor(random() * 9)}`,
      },
      npwp: `${pad(10 + (i % 89), 2)}${pad(Math.floor(random() * 1e9), 9)}${pad(i % 1000, 3)}000`.slice(0, 15),
      address: {
        street: `Jl. ${pick(NAME_WORDS)} No. ${1 + Math.floor(random() * 200)}`,
        provinceCode: region.provinceCode,
        regencyCode: region.code,
        districtCode: place.district,
        villageCode: place.village,
      },
      phone: `08${pad(11 + Math.floor(random() * 88), 2)}${pad(Math.floor(random() * 1e8), 8)}`,
      email: `lks${pad(i, 5)}@example.org`,
      board: [
        {
          name: pick(PEOPLE),
          position: "Ketua",
          idNumber: `${region.code.replace(".", "")}01${pad(i % 1e6, 6)}0001`.slice(0, 16),
        },
        {
          name: pick(PEOPLE),
          position: "Bendahara",
          idNumber: `${region.code.replace(".", "")}01${pad(i % 1e6, 6)}0002`.slice(0, 16),
        },
      ],
      types,
      serviceMode: residential ? "dalam_panti" : "luar_panti",
      ppks: PPKS_FOR[type],
      capacity: residential ? 15 + Math.floor(random() * 120) : 0,
      currentClients: 10 + Math.floor(random() * 100),
      staffCount: 3 + Math.floor(random() * 30),
    };
    const row: Lks = {
      id: `nat-lks-${pad(i, 5)}`,
      name,
      type,
      tenantId: tenantId(owner),
      region,
      status,
      profile: JSON.stringify(profile),
      createdAt,
    };
    lks.push(row);
    out.add("lks", {
      id: row.id,
      tenant_id: row.tenantId,
      name,
      types: JSON.stringify(types),
      ownership: "community",
      institution_kind: "lks",
      service_mode: profile.serviceMode,
      status,
      region_code: region.code,
      district_code: place.district,
      tanda_daftar_expires_on:
        status === "registered" ? isoDay(now + (30 + Math.floor(random() * 1800)) * DAY_MS) : null,
      izin_expires_on: null,
      profile: row.profile,
      return_comments: "[]",
      version: 1,
      created_at: createdAt,
      updated_at: createdAt,
    });
  }

  // Asesors, spread like the population; each lives in a kab/kota and may assess two or three types.
  const asesorCount = Math.max(3, Math.round(NATIONAL.asesors * scale));
  const asesorIds: string[] = [];
  for (let i = 1; i <= asesorCount; i++) {
    const home = weighted(kabKotaWeights);
    const id = `nat-asesor-${pad(i, 3)}`;
    asesorIds.push(id);
    const types = [...new Set([weighted(TYPE_WEIGHTS), weighted(TYPE_WEIGHTS), "LKSA"])];
    out.add("asesors", {
      id,
      user_id: null,
      email: `asesor.${pad(i, 3)}@asesor.akrab.test`,
      name: `${pick(["Dr.", "Dra.", "Drs.", ""])} ${pick(PEOPLE)} (asesor ${pad(i, 3)})`.trim(),
      phone: null,
      province_code: home.provinceCode,
      kab_kota_code: home.code,
      background: pick(["academic", "practitioner", "trainer"]),
      lks_types: JSON.stringify(types),
      qualifications: JSON.stringify([
        { name: "Pelatihan Asesor Akreditasi LKS", date: isoDay(daysAgo(200 + Math.floor(random() * 1500))) },
      ]),
      active: random() < 0.95 ? 1 : 0,
      version: 1,
      created_at: onboardedAt,
      updated_at: onboardedAt,
    });
  }

  // Applications. Decided ones first, oldest first, over five years; a certified LKS whose certificate
  // ends near a later decision may come back for re-accreditation (a renewal) instead of a new LKS.
  const registered = lks.filter((l) => l.status === "registered");
  let nextFresh = 0;
  const fresh = (): Lks | undefined => registered[nextFresh++];
  const appsTotal = Math.round(NATIONAL.applications * scale);
  const certTotal = Math.round(NATIONAL.certificates * scale);
  const declinedTotal = Math.round(appsTotal * (1000 / 15_000));
  const withdrawnTotal = Math.round(appsTotal * (300 / 15_000));
  const openTotal = appsTotal - certTotal - declinedTotal - withdrawnTotal;

  interface Decided {
    outcome: "certified" | "not_accredited" | "withdrawn";
    day: number; // ms of the decision (or withdrawal)
  }
  const decided: Decided[] = [
    ...Array.from({ length: certTotal }, () => ({
      outcome: "certified" as const,
      day: daysAgo(10 + Math.floor(random() * 5 * 365)),
    })),
    ...Array.from({ length: declinedTotal }, () => ({
      outcome: "not_accredited" as const,
      day: daysAgo(10 + Math.floor(random() * 5 * 365)),
    })),
    ...Array.from({ length: withdrawnTotal }, () => ({
      outcome: "withdrawn" as const,
      day: daysAgo(5 + Math.floor(random() * 3 * 365)),
    })),
  ].sort((a, b) => a.day - b.day);

  const due: { lks: Lks; validUntil: number }[] = [];
  const hasOpen = new Set<string>();
  const certificates: CertificateSeed[] = [];
  const sequences = new Map<number, number>();
  const appCounts = { kinds: { first: 0, renewal: 0 } };
  const steps = new Map<string, number>();
  let appNo = 0;
  const stepSla = new Map(
    [...DEFAULT_REGIONAL_PART.steps, ...NATIONAL_PART.steps].map((s) => [s.id, s.slaDays] as const),
  );
  const letter = (day: number) =>
    JSON.stringify({
      number: `${400 + Math.floor(random() * 500)}/LKS/${new Date(day).getUTCFullYear()}`,
      date: isoDay(day),
      signatoryName: pick(PEOPLE),
      signatoryPosition: "Ketua",
    });

  const addEvent = (
    app: { id: string; tenantId: string },
    n: number,
    action: string,
    from: string | null,
    to: string,
    at: number,
  ) =>
    out.add("application_events", {
      id: `${app.id}-e${n}`,
      tenant_id: app.tenantId,
      application_id: app.id,
      action,
      from_step: from,
      to_step: to,
      actor_user_id: null,
      comment: action === "decline" ? "Belum memenuhi standar pelayanan minimal" : null,
      items: null,
      at: new Date(at).toISOString(),
    });

  const addTeam = (app: { id: string; tenantId: string }, assignedAt: number) => {
    const first = Math.floor(random() * asesorIds.length);
    const second = (first + 1 + Math.floor(random() * (asesorIds.length - 1))) % asesorIds.length;
    for (const [role, k] of [
      ["lead", first],
      ["member", second],
    ] as const)
      out.add("assessment_assignments", {
        id: `${app.id}-${role}`,
        tenant_id: app.tenantId,
        application_id: app.id,
        asesor_id: asesorIds[k] as string,
        role,
        status: "accepted",
        decline_reason: null,
        declaration: null,
        declared_at: new Date(assignedAt + DAY_MS).toISOString(),
        assigned_by: input.balksUserId,
        assigned_at: new Date(assignedAt).toISOString(),
        responded_at: new Date(assignedAt + DAY_MS).toISOString(),
      });
  };

  function addApplication(
    l: Lks,
    kind: "first" | "renewal",
    step: string,
    enteredAt: number,
    submittedAt: number | null,
    decidedAt: number | null,
  ) {
    appNo++;
    const id = `nat-app-${pad(appNo, 5)}`;
    const app = { id, tenantId: l.tenantId };
    const terminal = step === "certified" || step === "not_accredited" || step === "withdrawn";
    const sla = stepSla.get(step) ?? null;
    appCounts.kinds[kind]++;
    steps.set(step, (steps.get(step) ?? 0) + 1);
    out.add("applications", {
      id,
      tenant_id: l.tenantId,
      lks_id: l.id,
      kind,
      step,
      workflow_version: 1,
      open: terminal ? 0 : 1,
      letter: letter(submittedAt ?? enteredAt),
      letter_at_return: null,
      profile_snapshot: terminal ? null : l.profile,
      checklist: terminal ? "[]" : JSON.stringify(DEFAULT_CHECKLISTS[kind].map((d) => ({ ...d, status: "missing" }))),
      return_items: "[]",
      step_entered_at: new Date(enteredAt).toISOString(),
      // SLA days are working days: about 7/5 calendar days each.
      step_due_at:
        sla === null || terminal ? null : new Date(enteredAt + Math.ceil((sla * 7) / 5) * DAY_MS).toISOString(),
      submitted_at: submittedAt === null ? null : new Date(submittedAt).toISOString(),
      instrument_version_id: submittedAt === null ? null : INSTRUMENT_FOR[l.type],
      version: 1 + (submittedAt === null ? 0 : 8),
      created_by: null,
      created_at: new Date((submittedAt ?? enteredAt) - 3 * DAY_MS).toISOString(),
      updated_at: new Date(enteredAt).toISOString(),
    });
    let n = 0;
    if (submittedAt !== null) addEvent(app, ++n, "submit", "draft", "kabkota_verification", submittedAt);
    return { app, next: () => ++n, decidedAt };
  }

  for (const d of decided) {
    // A renewal: an LKS whose certificate ends within 120 days of this decision, six times in ten.
    const renewalAt = due.findIndex(
      (x) => x.validUntil <= d.day + 120 * DAY_MS && x.validUntil >= d.day - 365 * DAY_MS && !hasOpen.has(x.lks.id),
    );
    let l: Lks | undefined;
    let kind: "first" | "renewal" = "first";
    if (d.outcome !== "withdrawn" && renewalAt !== -1 && random() < 0.6) {
      l = due.splice(renewalAt, 1)[0]?.lks;
      kind = "renewal";
    } else l = fresh();
    if (!l) break;
    const submitted = d.day - (90 + Math.floor(random() * 240)) * DAY_MS;
    if (d.outcome === "withdrawn") {
      const { app, next } = addApplication(l, kind, "withdrawn", d.day, null, null);
      addEvent(app, next(), "withdraw", "draft", "withdrawn", d.day);
      continue;
    }
    const visitAt = d.day - (20 + Math.floor(random() * 40)) * DAY_MS;
    const { app, next } = addApplication(
      l,
      kind,
      d.outcome,
      d.outcome === "certified" ? d.day + 7 * DAY_MS : d.day,
      submitted,
      d.day,
    );
    addTeam(app, visitAt - 20 * DAY_MS);
    if (d.outcome === "not_accredited") {
      addEvent(app, next(), "decline", "decision", "not_accredited", d.day);
      continue;
    }
    addEvent(app, next(), "accredit", "decision", "accredited", d.day);
    addEvent(app, next(), "issue_certificate", "accredited", "certified", d.day + 7 * DAY_MS);
    const grade = weighted(GRADE_WEIGHTS);
    const decidedOn = isoDay(d.day);
    const validFrom = isoDay(d.day + 7 * DAY_MS);
    const validUntil = isoDay(Date.parse(`${addYears(validFrom, VALIDITY_YEARS[grade])}T00:00:00Z`) - DAY_MS);
    const year = Number(validFrom.slice(0, 4));
    const sequence = (sequences.get(year) ?? 0) + 1;
    sequences.set(year, sequence);
    const revoked = random() < 0.005;
    const revokedOn = revoked
      ? isoDay(Math.min(now - DAY_MS, d.day + (30 + Math.floor(random() * 300)) * DAY_MS))
      : null;
    certificates.push({
      id: `nat-cert-${pad(certificates.length + 1, 5)}`,
      number: `${pad(sequence, 4)}/BALKS/${grade}/${ROMAN[Number(validFrom.slice(5, 7)) - 1]}/${year}`,
      sequence,
      year,
      tenantId: l.tenantId,
      applicationId: app.id,
      lksId: l.id,
      lksName: l.name,
      lksType: l.type,
      regionCode: l.region.code,
      provinceCode: l.region.provinceCode ?? "",
      kabKotaName: regionDisplayName(l.region.kind, l.region.name),
      provinceName: provinceNames.get(l.region.provinceCode ?? "") ?? "",
      grade,
      decidedOn,
      validFrom,
      validUntil,
      instrumentVersionId: INSTRUMENT_FOR[l.type],
      revokedOn,
      revokeReason: revoked ? "Izin operasional dicabut oleh Dinsos" : null,
      createdAt: new Date(d.day + 7 * DAY_MS).toISOString(),
    });
    if (!revoked) due.push({ lks: l, validUntil: Date.parse(`${validUntil}T00:00:00Z`) });
  }

  // Open applications, waiting in every step; a fifth are renewals of certificates ending soon or lately ended.
  const pathOrder = OPEN_STEPS.map(([s]) => s);
  const transitions = composeDefinition(regional).transitions;
  for (let i = 0; i < openTotal; i++) {
    const [step, , maxDays] = weighted(OPEN_STEPS.map((s) => [s, s[1]] as [typeof s, number]));
    const renewalAt = due.findIndex((x) => Math.abs(x.validUntil - now) < 240 * DAY_MS && !hasOpen.has(x.lks.id));
    let l: Lks | undefined;
    let kind: "first" | "renewal" = "first";
    if (renewalAt !== -1 && random() < 0.2) {
      l = due.splice(renewalAt, 1)[0]?.lks;
      kind = "renewal";
    } else l = fresh();
    if (!l) break;
    hasOpen.add(l.id);
    const waited = 1 + Math.floor(random() ** 1.5 * maxDays);
    const enteredAt = daysAgo(waited);
    const submittedAt =
      step === "draft"
        ? null
        : enteredAt - (step === "kabkota_verification" ? 0 : (20 + Math.floor(random() * 120)) * DAY_MS);
    const { app, next } = addApplication(l, kind, step, enteredAt, submittedAt, null);
    const at = pathOrder.indexOf(step);
    if (at > pathOrder.indexOf("asesor_assignment")) addTeam(app, enteredAt - 10 * DAY_MS);
    if (step !== "draft" && step !== "kabkota_verification") {
      const into = transitions.find((t) => t.to === step);
      addEvent(app, next(), into?.action ?? "move", into?.from ?? null, step, enteredAt);
    }
  }

  const statements = out.done();
  const counts: Record<string, number> = Object.fromEntries(out.counts);
  counts.certificates = certificates.length;
  counts["applications (first)"] = appCounts.kinds.first;
  counts["applications (renewal)"] = appCounts.kinds.renewal;
  for (const [step, n] of steps) counts[`applications in ${step}`] = n;
  return { statements, certificates, counts };
}

/** A column of the certificates table as `PRAGMA table_info` gives it. */
export interface TableColumn {
  name: string;
  notnull: number;
  dflt_value: string | null;
  pk: number;
}

/** The value of each column the certificates table may have, by the names it is likely to use. */
function certificateValue(c: CertificateSeed, column: string): string | number | null | undefined {
  const values: Record<string, string | number | null> = {
    id: c.id,
    number: c.number,
    certificate_number: c.number,
    sequence: c.sequence,
    seq: c.sequence,
    year: c.year,
    tenant_id: c.tenantId,
    application_id: c.applicationId,
    lks_id: c.lksId,
    lks_name: c.lksName,
    lks_legal_name: c.lksName,
    lks_type: c.lksType,
    lks_types: JSON.stringify([c.lksType]),
    region_code: c.regionCode,
    kab_kota_code: c.regionCode,
    kab_kota_name: c.kabKotaName,
    province_name: c.provinceName,
    regency_code: c.regionCode,
    province_code: c.provinceCode,
    grade: c.grade,
    decided_on: c.decidedOn,
    decision_date: c.decidedOn,
    decided_at: c.decidedOn,
    issued_on: c.validFrom,
    issued_at: c.createdAt,
    valid_from: c.validFrom,
    valid_until: c.validUntil,
    instrument_version_id: c.instrumentVersionId,
    instrument_label: c.instrumentVersionId,
    regulation: "Permensos 17/2012 tentang Akreditasi Lembaga Kesejahteraan Sosial",
    // Generated certificates carry no PDF and no signed QR payload: the dataset is for the reports,
    // the registry and their benches, not for downloads (its PDF key names no stored object: a 404).
    payload: "",
    kid: "dataset",
    pdf_key: `dataset/${c.id}.pdf`,
    pdf_sha256: "",
    pdf_bytes: 0,
    version: 1,
    signer_name: "Ketua BALKS",
    signer_position: "Ketua Badan Akreditasi Lembaga Kesejahteraan Sosial",
    revoked_at: c.revokedOn ? `${c.revokedOn}T03:00:00.000Z` : null,
    revoked_on: c.revokedOn,
    revoked_reason: c.revokeReason,
    revoke_reason: c.revokeReason,
    created_at: c.createdAt,
    updated_at: c.createdAt,
  };
  return column in values ? values[column] : undefined;
}

/**
 * INSERT statements for the certificates for the table's actual columns (from `PRAGMA table_info`).
 * Columns the seed knows nothing of are left to their defaults; a required column without a default
 * that the seed cannot fill is an error naming it, so the generator is extended rather than guessed.
 */
export function certificateStatements(
  certificates: readonly CertificateSeed[],
  columns: readonly TableColumn[],
): string[] {
  const first = certificates[0];
  if (!first) return [];
  const filled = columns.filter((c) => certificateValue(first, c.name) !== undefined);
  const missing = columns.filter(
    (c) =>
      c.notnull &&
      c.dflt_value === null &&
      certificateValue(first, c.name) === undefined &&
      !(c.pk && c.name === "rowid"),
  );
  if (missing.length > 0)
    throw new Error(
      `The certificates table needs ${missing.map((c) => c.name).join(", ")}, which the national dataset does not know how to fill`,
    );
  const out = new Inserts();
  for (const c of certificates)
    out.add("certificates", Object.fromEntries(filled.map((col) => [col.name, certificateValue(c, col.name) ?? null])));
  // A revocation is an event of its certificate (the status is computed from events, never stored).
  for (const c of certificates)
    if (c.revokedOn)
      out.add("certificate_events", {
        id: `${c.id}-revoked`,
        certificate_id: c.id,
        tenant_id: c.tenantId,
        kind: "revoked",
        reason: c.revokeReason ?? "",
        by_user_id: null,
        at: `${c.revokedOn}T03:00:00.000Z`,
      });
  const statements = out.done();
  // The yearly counters move past the generated numbers, so a certificate issued later never reuses one.
  const last = new Map<number, number>();
  for (const c of certificates) last.set(c.year, Math.max(last.get(c.year) ?? 0, c.sequence));
  for (const [year, sequence] of last)
    statements.push(
      `INSERT INTO certificate_counters (year, last) VALUES (${year}, ${sequence}) ON CONFLICT (year) DO UPDATE SET last = max(last, excluded.last);`,
    );
  return statements;
}
