import type { SignupWithRegion } from "@akrab/db";
import type { TenantSignup } from "@akrab/contracts";

export function presentSignup(s: SignupWithRegion): TenantSignup {
  return {
    id: s.id,
    region: { code: s.region.code, name: s.region.name, kind: s.region.kind, slug: s.region.slug },
    officeName: s.officeName,
    officialEmail: s.officialEmail,
    contactName: s.contactName,
    contactPhone: s.contactPhone,
    status: s.status,
    letter:
      s.letterKey && s.letterFilename && s.letterSize !== null
        ? { filename: s.letterFilename, size: s.letterSize }
        : null,
    rejectReason: s.rejectReason,
    createdAt: s.createdAt,
    reviewedAt: s.reviewedAt,
  };
}
