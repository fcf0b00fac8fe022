import { savedDifferences } from "@akrab/domain";

/**
 * RFC 9457 problem details. `type` is a stable URN per kind of problem so clients can branch on
 * it; `title` is fixed per type; `detail` explains this occurrence (Indonesian first, then English).
 */
export interface FieldError {
  path: string;
  message: string;
}

/** A field both the caller and someone else changed: both values, for the caller to choose between. */
export interface FieldConflictBody {
  field: string;
  server: unknown;
  client: unknown;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
  conflicts?: FieldConflictBody[];
  /** On a stale save of versioned settings: the version saved now (StaleSaveProblem). */
  version?: number;
}

export const PROBLEM_TYPES = {
  validation: { status: 400, title: "Validation failed" },
  "bad-request": { status: 400, title: "Bad request" },
  unauthenticated: { status: 401, title: "Authentication required" },
  "invalid-credentials": { status: 401, title: "Invalid credentials" },
  forbidden: { status: 403, title: "Forbidden" },
  "csrf-rejected": { status: 403, title: "Cross-site request rejected" },
  "email-unverified": { status: 403, title: "Email address not verified" },
  "not-found": { status: 404, title: "Not found" },
  "method-not-allowed": { status: 405, title: "Method not allowed" },
  conflict: { status: 409, title: "Conflict" },
  gone: { status: 410, title: "Gone" },
  "precondition-failed": { status: 412, title: "Precondition failed" },
  "payload-too-large": { status: 413, title: "Payload too large" },
  "unsupported-media-type": { status: 415, title: "Unsupported media type" },
  "file-type-mismatch": { status: 415, title: "File content does not match its type" },
  "range-not-satisfiable": { status: 416, title: "Range not satisfiable" },
  "checksum-mismatch": { status: 460, title: "Checksum mismatch" },
  "rate-limited": { status: 429, title: "Too many requests" },
  internal: { status: 500, title: "Internal server error" },
  misconfigured: { status: 500, title: "Server misconfigured" },
} as const satisfies Record<string, { status: number; title: string }>;

export type ProblemType = keyof typeof PROBLEM_TYPES;

function problemTypeUri(type: ProblemType): string {
  return `urn:akrab:problem:${type}`;
}

/** Throw from anywhere in a request; the error middleware turns it into problem+json. */
export class Problem extends Error {
  readonly type: ProblemType;
  readonly detail: string;
  readonly errors: FieldError[] | undefined;
  readonly conflicts: FieldConflictBody[] | undefined;
  readonly version: number | undefined;
  readonly headers: Record<string, string>;

  constructor(
    type: ProblemType,
    detail: string,
    opts: {
      errors?: FieldError[];
      conflicts?: FieldConflictBody[];
      version?: number;
      headers?: Record<string, string>;
    } = {},
  ) {
    super(`${type}: ${detail}`);
    this.type = type;
    this.detail = detail;
    this.errors = opts.errors;
    this.conflicts = opts.conflicts;
    this.version = opts.version;
    this.headers = opts.headers ?? {};
  }

  get status(): number {
    return PROBLEM_TYPES[this.type].status;
  }

  body(extra: { instance?: string; requestId?: string } = {}): ProblemBody {
    return {
      type: problemTypeUri(this.type),
      title: PROBLEM_TYPES[this.type].title,
      status: this.status,
      detail: this.detail,
      ...extra,
      ...(this.errors ? { errors: this.errors } : {}),
      ...(this.conflicts ? { conflicts: this.conflicts } : {}),
      ...(this.version !== undefined ? { version: this.version } : {}),
    };
  }
}

export const PROBLEM_CONTENT_TYPE = "application/problem+json; charset=utf-8";

/** The 404 every hidden or missing object gets, so existence never leaks between tenants. */
export function notFound(what = "Sumber daya tidak ditemukan / Resource not found"): Problem {
  return new Problem("not-found", what);
}

const CHANGED_MEANWHILE = {
  application: "Permohonan telah diubah orang lain; muat ulang / The application changed meanwhile; reload",
  lks: "Data LKS telah diubah orang lain; muat ulang dan bandingkan / The LKS was changed meanwhile; reload and compare",
  instrument: "Draf instrumen telah diubah orang lain; muat ulang / The instrument draft changed meanwhile; reload",
  asesor: "Data asesor telah diubah orang lain; muat ulang / The asesor's record changed meanwhile; reload",
  answer:
    "Jawaban indikator ini telah diubah orang lain; muat ulang / This indicator's answer changed meanwhile; reload",
  certificate: "Sertifikat ini telah diubah orang lain; muat ulang / This certificate changed meanwhile; reload",
  reconciliation:
    "Lembar rekonsiliasi telah diubah anggota tim lain; muat ulang / The reconciliation sheet changed meanwhile; reload",
  score:
    "Lembar nilai ini telah diubah dari perangkat lain atau sudah dikirim; muat ulang / This score sheet changed on another device or was submitted; reload",
} as const;

/** What carries a `version` that writes must name (optimistic concurrency). */
export type Versioned = keyof typeof CHANGED_MEANWHILE;

/** The 409 for a write based on a version that is no longer the current one: someone else saved first. */
export function changedMeanwhile(what: Versioned): Problem {
  return new Problem("conflict", CHANGED_MEANWHILE[what]);
}

const CONFLICTING_FIELDS = {
  application:
    "Isian surat ini telah diubah orang lain: pilih nilai yang dipakai / These letter fields changed meanwhile: choose which value to keep",
  lks: "Isian data LKS ini telah diubah orang lain: pilih nilai yang dipakai / These LKS fields changed meanwhile: choose which value to keep",
  instrument:
    "Isian draf instrumen ini telah diubah orang lain: pilih nilai yang dipakai / These instrument draft fields changed meanwhile: choose which value to keep",
  asesor: "Data asesor telah diubah orang lain; muat ulang / The asesor's record changed meanwhile; reload",
  answer:
    "Jawaban indikator ini telah diubah orang lain: pilih nilai yang dipakai / This indicator's answer changed meanwhile: choose which value to keep",
  certificate: "Sertifikat ini telah diubah orang lain; muat ulang / This certificate changed meanwhile; reload",
  reconciliation:
    "Lembar rekonsiliasi telah diubah anggota tim lain; muat ulang / The reconciliation sheet changed meanwhile; reload",
  score:
    "Nilai ini telah diubah dari perangkat lain: pilih nilai yang dipakai / These scores changed on another device: choose which value to keep",
} as const satisfies Record<Versioned, string>;

/**
 * The 409 for a change stated field by field (with its base) where someone else changed the same
 * fields differently: nothing is saved, and each field comes back with both values.
 */
export function conflictingFields(
  what: Versioned,
  conflicts: readonly { field: string; server: unknown; client: unknown }[],
) {
  return new Problem("conflict", CONFLICTING_FIELDS[what], {
    conflicts: conflicts.map(({ field, server, client }) => ({
      field,
      server: server ?? null,
      client: client ?? null,
    })),
  });
}

const STALE_SAVE = {
  certificateSettings: [
    "Pengaturan sertifikat ini telah diubah orang lain; yang tersimpan sekarang berbeda dari isian Anda pada",
    "These certificate settings changed meanwhile; what is saved now differs from yours in",
  ],
  supervisionSettings: [
    "Pengaturan pengawasan telah diubah orang lain; yang tersimpan sekarang berbeda dari isian Anda pada",
    "The supervision settings changed meanwhile; what is saved now differs from yours in",
  ],
} as const;

/** A field's name in words, Indonesian then English (no " / " inside: a detail holds one). */
export type FieldWords = readonly [id: string, en: string];

/**
 * A save of versioned settings (the whole record, with the `expectedVersion` it was read at) made on a
 * version no longer current. If the settings saved now already hold what was sent, it is a retry
 * whose first answer was lost: they are the answer. Otherwise nothing is saved and the 409
 * (StaleSaveProblem) names the differing fields in words in its detail and carries the version
 * saved now and, per differing field, the value saved now next to the one sent: what a form needs to
 * show and to save again, without another read.
 */
export function staleSave<T extends Record<string, unknown>, S extends T & { version: number }>(
  what: keyof typeof STALE_SAVE,
  saved: S,
  sent: T,
  words: { readonly [K in keyof T]: FieldWords },
): S {
  const differences = savedDifferences(saved, sent);
  if (differences.length === 0) return saved;
  const [id, en] = STALE_SAVE[what];
  const named = (lang: 0 | 1) => differences.map((d) => words[d.field as keyof T][lang]).join(", ");
  throw new Problem("conflict", `${id} ${named(0)} / ${en} ${named(1)}`, {
    conflicts: differences,
    version: saved.version,
  });
}

export function unknownCursor(): Problem {
  return new Problem("validation", "Kursor tidak dikenal / Unknown cursor", {
    errors: [{ path: "cursor", message: "Kursor tidak dikenal / Unknown cursor" }],
  });
}
