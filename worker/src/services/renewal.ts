import type { RenewalPlanView } from "@akrab/contracts";
import type { LksRow, StoredVersion, TenantScope } from "@akrab/db";
import { jakartaDay, planCarryOver, renewalLetter, type CycleDocument, type DocumentRequirement } from "@akrab/domain";
import { presentPublic } from "../routes/certificates/present.ts";

/** Ending soon or ended: the LKS is offered the renewal first. */
const RENEWAL_DUE = new Set(["expiring", "expired", "superseded"]);

/**
 * Where a renewal of the LKS starts: the application of its latest certificate (the last
 * completed cycle) and the domain's plan for that cycle's documents against the new checklist.
 * Read through the caller's scope, so it only ever sees the same LKS in the same tenant; null when
 * the LKS has no certificate here.
 */
export async function renewalSource(
  scope: TenantScope,
  lks: Pick<LksRow, "id" | "tandaDaftarExpiresOn" | "izinExpiresOn">,
  checklist: readonly Pick<DocumentRequirement, "key" | "acceptedTypes" | "maxBytes">[],
) {
  const certificate = await scope.certificates.latestOfLks(lks.id);
  const previous = certificate ? await scope.applications.find(certificate.certificate.applicationId) : null;
  if (!certificate || !previous || previous.lksId !== lks.id) return null;
  const documents = (await scope.documents.documentsOfApplication(previous.id)).filter((d) => d.requirement !== null);
  const newest = new Map<string, StoredVersion>();
  for (const v of await scope.documents.versionsOf(documents.map((d) => d.id)))
    if (!newest.has(v.documentId)) newest.set(v.documentId, v);
  const items = new Map(previous.checklist.map((item) => [item.key, item]));
  const cycle: (CycleDocument & { version: StoredVersion })[] = documents.flatMap((d) => {
    const version = newest.get(d.id);
    const key = d.requirement;
    if (!version || !key) return [];
    // A document whose requirement left the old checklist was never reviewed as it ended: "uploaded".
    const status = items.get(key)?.status ?? "uploaded";
    return [
      {
        key,
        status,
        documentId: d.id,
        contentType: version.contentType,
        size: version.size,
        uploadedAt: version.uploadedAt,
        version,
      },
    ];
  });
  const plan = planCarryOver(cycle, checklist, {
    today: jakartaDay(),
    permitsExpireOn: { tanda_daftar: lks.tandaDaftarExpiresOn, izin_operasional: lks.izinExpiresOn },
  });
  // One slot per requirement in an application: the key names its document.
  const versionOf = new Map(cycle.map((d) => [d.key, d.version]));
  return { certificate, previous, plan, versionOf, oldItems: items };
}

export type RenewalSource = NonNullable<Awaited<ReturnType<typeof renewalSource>>>;

/** The letter fields a renewal takes over (nothing without a last cycle). */
function carriedLetter(source: RenewalSource | null): RenewalPlanView["letter"] {
  return source ? (renewalLetter(source.previous.letter, {}) as RenewalPlanView["letter"]) : {};
}

export function presentRenewalPlan(
  source: RenewalSource | null,
  checklist: readonly Pick<DocumentRequirement, "key" | "name" | "nameEn">[],
): RenewalPlanView {
  if (!source) return { previous: null, suggested: false, letter: {}, documents: [], left: [] };
  const names = new Map<string, { name: string; nameEn: string }>();
  for (const item of source.oldItems.values()) names.set(item.key, { name: item.name, nameEn: item.nameEn ?? "" });
  for (const item of checklist) names.set(item.key, { name: item.name, nameEn: item.nameEn });
  const named = (key: string) => names.get(key) ?? { name: key, nameEn: "" };
  const filename = (key: string) => source.versionOf.get(key)?.filename ?? "";
  const status = presentPublic(source.certificate).status;
  return {
    previous: {
      applicationId: source.previous.id,
      certificate: {
        number: source.certificate.certificate.number,
        grade: source.certificate.certificate.grade,
        validUntil: source.certificate.certificate.validUntil,
        status,
      },
    },
    suggested: RENEWAL_DUE.has(status),
    letter: carriedLetter(source),
    documents: source.plan.carried.map((d) => ({
      key: d.key,
      ...named(d.key),
      filename: filename(d.key),
      size: d.size,
    })),
    left: source.plan.left.map((l) => ({ key: l.key, ...named(l.key), filename: filename(l.key), reason: l.reason })),
  };
}
