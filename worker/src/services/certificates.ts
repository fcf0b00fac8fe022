import { certificateIssuing, newId, type CertificateRow, type Db, type TenantScope } from "@akrab/db";
import { GRADE_LABELS, REGULATIONS, formatCertificateNumber, jakartaDay, signPayload, type Grade } from "@akrab/domain";
import type { Bindings } from "../env.ts";
import { Problem } from "../middleware/problem/index.ts";
import type { StoredApplication } from "./applications.ts";
import { certificatePdf } from "./certificate-pdf.ts";
import { signingKey } from "./certificate-keys.ts";
import { instrumentForApplication } from "./self-assessment.ts";

/** What a certificate is issued from: the recorded accreditation decision. */
export interface CertificateDecision {
  grade: Grade;
  /** YYYY-MM-DD (Jakarta). */
  decidedOn: string;
  validFrom: string;
  validUntil: string;
}

export interface IssueContext {
  env: Bindings;
  db: Db;
  scope: TenantScope;
  /** Who issues (audit; null for a job). */
  userId: string | null;
  /** Where the QR's verification URL points (APP_ORIGIN, else the request's origin). */
  origin: string;
}

/** The public verification page of a number: readable, typed by hand from a print if need be. */
export const verificationPath = (number: string) =>
  `/verifikasi/${number.split("/").map(encodeURIComponent).join("/")}`;

/**
 * The R2 key of a certificate's PDF, by the certificate's own id: written once, before its row; an
 * attempt that loses a race leaves its object unreferenced rather than overwriting the winner's.
 */
const pdfKey = (tenantId: string, certificateId: string) => `t/${tenantId}/certificates/${certificateId}.pdf`;

async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return [...digest].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * The decision a certificate is issued from: BALKS's recorded plenary decision (issue 13), whose
 * grade and validity (from the pinned instrument's grade rules) the certificate carries as they
 * were decided. Without an accreditation decision there is nothing to certify.
 */
export async function decisionForCertificate(scope: TenantScope, app: StoredApplication): Promise<CertificateDecision> {
  const decision = await scope.decisions.decision(app.id);
  if (decision?.kind !== "accredit" || !decision.grade || !decision.validFrom || !decision.validUntil)
    throw new Problem(
      "conflict",
      "Belum ada keputusan pleno yang menetapkan peringkat / No plenary decision has granted a grade yet",
      { errors: [{ path: "decision", message: "Peringkat belum ditetapkan / No grade decided" }] },
    );
  return {
    grade: decision.grade,
    decidedOn: decision.plenary.date,
    validFrom: decision.validFrom,
    validUntil: decision.validUntil,
  };
}

/**
 * Issuing a certificate (issue 14), called by the `issue_certificate` transition (accredited →
 * certified), which makes it idempotent: what issuing writes joins the transition's one D1 batch,
 * guarded by the application's version, so a retried request (same Idempotency-Key: the first
 * answer; a stale version: 409) never makes a second certificate or spends a second number; two at
 * once cannot both claim a number (the counter's compare-and-set) or both insert (one certificate
 * per application, unique).
 *
 * What issuing a certificate for `app` writes: the PDF is made and stored in R2 first (under the
 * certificate's id), then the returned statements claim the next
 * number and insert the row in the caller's D1 batch. `existing` when the application already has
 * its certificate: nothing is made again.
 */
export async function prepareCertificate(
  ctx: IssueContext,
  app: StoredApplication,
  decision: CertificateDecision,
): Promise<
  | { existing: CertificateRow }
  | {
      existing: null;
      id: string;
      number: string;
      /** Earlier certificates of the LKS, superseded by this one. */
      supersedes: string[];
      statements: ReturnType<ReturnType<typeof certificateIssuing>["issue"]>["statements"];
    }
> {
  const store = certificateIssuing(ctx.db);
  const existing = await store.ofApplication(app.id);
  if (existing) return { existing };

  const [settings, lks, { row: instrumentRow, instrument }, key] = await Promise.all([
    store.settings(),
    ctx.scope.lks.find(app.lksId),
    instrumentForApplication(ctx.scope, app),
    signingKey(ctx.env),
  ]);
  if (!settings) throw new Problem("misconfigured", "Pengaturan sertifikat tidak ada / Certificate settings missing");
  if (!lks) throw new Problem("conflict", "LKS permohonan tidak ditemukan / The application's LKS is missing");
  const profile = lks.profile as { address?: { street?: string; provinceCode?: string }; owningAgency?: string };
  const provinceCode = profile.address?.provinceCode ?? lks.regionCode.slice(0, 2);
  const names = await store.regionNames([lks.regionCode, provinceCode]);
  const issuedAt = new Date().toISOString();
  const today = jakartaDay(issuedAt);
  const [year, month] = today.split("-").map(Number) as [number, number];
  const last = await store.lastSequence(year);
  const number = formatCertificateNumber(settings.numberTemplate, {
    sequence: last + 1,
    grade: decision.grade,
    month,
    year,
  });
  const payload = await signPayload(
    {
      kid: key.kid,
      number,
      lksName: lks.name,
      grade: decision.grade,
      validFrom: decision.validFrom,
      validUntil: decision.validUntil,
    },
    key.key,
  );
  const verifyUrl = `${ctx.origin}${verificationPath(number)}`;
  const facts = {
    number,
    lksName: lks.name,
    lksLegalName: profile.owningAgency ?? null,
    lksAddress: profile.address?.street ?? null,
    kabKotaCode: lks.regionCode,
    kabKotaName: names.get(lks.regionCode) ?? lks.regionCode,
    provinceName: names.get(provinceCode) ?? provinceCode,
    lksTypes: lks.types,
    grade: decision.grade,
    decidedOn: decision.decidedOn,
    validFrom: decision.validFrom,
    validUntil: decision.validUntil,
    instrumentLabel: `${instrument.name.id} (${instrumentRow.id})`,
    regulation: REGULATIONS[instrument.regulation].name.id,
    signerName: settings.signerName,
    signerPosition: settings.signerPosition,
  };
  const pdf = (await certificatePdf({
    ...facts,
    gradeLabel: GRADE_LABELS[decision.grade],
    issuedOn: today,
    qrText: `${verifyUrl}#${payload}`,
    verifyUrl,
  })) as Uint8Array<ArrayBuffer>;
  const id = newId();
  const key_ = pdfKey(app.tenantId, id);
  await ctx.env.DOCS.put(key_, pdf, {
    httpMetadata: { contentType: "application/pdf" },
    customMetadata: { number },
  });
  const issued = store.issue(
    {
      ...facts,
      id,
      tenantId: app.tenantId,
      applicationId: app.id,
      lksId: app.lksId,
      instrumentVersionId: instrumentRow.id,
      payload,
      kid: key.kid,
      pdfKey: key_,
      pdfSha256: await sha256Hex(pdf),
      pdfBytes: pdf.byteLength,
      issuedAt,
      issuedBy: ctx.userId,
    },
    year,
    last,
  );
  const supersedes = await store.numbersOfLks(app.lksId);
  return { existing: null, id: issued.id, number, supersedes, statements: issued.statements };
}
