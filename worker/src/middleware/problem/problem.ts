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
  readonly headers: Record<string, string>;

  constructor(
    type: ProblemType,
    detail: string,
    opts: { errors?: FieldError[]; conflicts?: FieldConflictBody[]; headers?: Record<string, string> } = {},
  ) {
    super(`${type}: ${detail}`);
    this.type = type;
    this.detail = detail;
    this.errors = opts.errors;
    this.conflicts = opts.conflicts;
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
  certificateSettings:
    "Pengaturan sertifikat telah diubah orang lain; muat ulang / The certificate settings changed meanwhile; reload",
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
  certificateSettings:
    "Pengaturan sertifikat ini telah diubah orang lain: bandingkan dengan isian Anda / These certificate settings changed meanwhile: compare with yours",
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

export function unknownCursor(): Problem {
  return new Problem("validation", "Kursor tidak dikenal / Unknown cursor", {
    errors: [{ path: "cursor", message: "Kursor tidak dikenal / Unknown cursor" }],
  });
}
