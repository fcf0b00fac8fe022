import type { LksWithTenant } from "@akrab/db";
import { maskIdNumber, type LksPermissions, type LksStatus, type LksType } from "@akrab/domain";
import type { LksDetail, LksProfileInput } from "@akrab/contracts";

/** The list view of an LKS: what the registry table and CSV show. */
export function lksSummary(row: LksWithTenant) {
  return {
    id: row.id,
    name: row.name,
    types: row.types as LksType[],
    ownership: row.ownership,
    institutionKind: row.institutionKind,
    serviceMode: row.serviceMode,
    status: row.status,
    regionCode: row.regionCode,
    districtCode: row.districtCode,
    tandaDaftarExpiresOn: row.tandaDaftarExpiresOn,
    izinExpiresOn: row.izinExpiresOn,
    tenant: { slug: row.tenantSlug, name: row.tenantName },
  };
}

/**
 * The full profile, with board members' NIK masked: the registry never shows it whole; with what
 * the caller may do with it (permissionsOf on tenant routes, centralUnitPermissions on national ones).
 */
export function lksDetail(row: LksWithTenant, permissions: LksPermissions): LksDetail {
  const profile = row.profile as LksProfileInput;
  return {
    id: row.id,
    status: row.status as LksStatus,
    version: row.version,
    tenant: { slug: row.tenantSlug, name: row.tenantName },
    profile: {
      ...profile,
      board: profile.board.map((member) => ({ ...member, idNumber: maskIdNumber(member.idNumber) })),
    },
    returnComments: row.returnComments,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    permissions,
  };
}
