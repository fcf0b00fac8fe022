import type { LksType, PpksCategory } from "@akrab/domain";
import { m } from "#lib/paraglide/messages.js";

/** Labels for the LKS registry enums (packages/contracts/src/registry.ts). */
export function lksStatusLabel(status: string): string {
  switch (status) {
    case "registered":
      return m.lks_status_registered();
    case "pending_verification":
      return m.lks_status_pending_verification();
    case "returned":
      return m.lks_status_returned();
    case "inactive":
      return m.lks_status_inactive();
    default:
      return status;
  }
}

export function serviceModeLabel(mode: string): string {
  switch (mode) {
    case "dalam_panti":
      return m.service_mode_dalam_panti();
    case "luar_panti":
      return m.service_mode_luar_panti();
    case "keduanya":
      return m.service_mode_keduanya();
    default:
      return mode;
  }
}

export function legalFormLabel(form: string): string {
  switch (form) {
    case "yayasan":
      return m.legal_yayasan();
    case "perkumpulan":
      return m.legal_perkumpulan();
    case "non_badan_hukum":
      return m.legal_non_badan_hukum();
    default:
      return form;
  }
}

const LKS_TYPE_MESSAGES: Record<LksType, () => string> = {
  LKSA: m.type_lksa,
  "LKS-LU": m.type_lks_lu,
  LKSPD: m.type_lkspd,
  "LKS-NAPZA": m.type_lks_napza,
  "LKS-ODHA": m.type_lks_odha,
  "LKS-LAIN": m.type_lks_lain,
};

export function lksTypeLabel(type: string): string {
  return LKS_TYPE_MESSAGES[type as LksType]?.() ?? type;
}

/** The 26 PPKS categories; the Indonesian texts equal @akrab/domain's PPKS_CATEGORIES (unit-tested). */
const PPKS_MESSAGES: Record<PpksCategory, () => string> = {
  anak_balita_terlantar: m.ppks_anak_balita_terlantar,
  anak_terlantar: m.ppks_anak_terlantar,
  anak_berhadapan_hukum: m.ppks_anak_berhadapan_hukum,
  anak_jalanan: m.ppks_anak_jalanan,
  anak_disabilitas: m.ppks_anak_disabilitas,
  anak_korban_kekerasan: m.ppks_anak_korban_kekerasan,
  anak_perlindungan_khusus: m.ppks_anak_perlindungan_khusus,
  lansia_terlantar: m.ppks_lansia_terlantar,
  penyandang_disabilitas: m.ppks_penyandang_disabilitas,
  tuna_susila: m.ppks_tuna_susila,
  gelandangan: m.ppks_gelandangan,
  pengemis: m.ppks_pengemis,
  pemulung: m.ppks_pemulung,
  kelompok_minoritas: m.ppks_kelompok_minoritas,
  bekas_warga_binaan: m.ppks_bekas_warga_binaan,
  odha: m.ppks_odha,
  korban_napza: m.ppks_korban_napza,
  korban_trafficking: m.ppks_korban_trafficking,
  korban_kekerasan: m.ppks_korban_kekerasan,
  pekerja_migran_bermasalah: m.ppks_pekerja_migran_bermasalah,
  korban_bencana_alam: m.ppks_korban_bencana_alam,
  korban_bencana_sosial: m.ppks_korban_bencana_sosial,
  perempuan_rawan_sosial_ekonomi: m.ppks_perempuan_rawan_sosial_ekonomi,
  fakir_miskin: m.ppks_fakir_miskin,
  keluarga_bermasalah_psikologis: m.ppks_keluarga_bermasalah_psikologis,
  komunitas_adat_terpencil: m.ppks_komunitas_adat_terpencil,
};

export function ppksLabel(code: string): string {
  return PPKS_MESSAGES[code as PpksCategory]?.() ?? code;
}

export function signupStatusLabel(status: string): string {
  switch (status) {
    case "pending":
      return m.admin_signup_status_pending();
    case "approved":
      return m.admin_signup_status_approved();
    case "rejected":
      return m.admin_signup_status_rejected();
    default:
      return status;
  }
}

export function tenantStatusLabel(status: string): string {
  switch (status) {
    case "active":
      return m.admin_tenant_active();
    case "deactivated":
      return m.admin_tenant_deactivated();
    case "not_onboarded":
      return m.signup_region_not_onboarded();
    default:
      return status;
  }
}

export function regionKindLabel(kind: string): string {
  switch (kind) {
    case "province":
      return m.region_kind_province();
    case "regency":
      return m.region_kind_regency();
    case "city":
      return m.region_kind_city();
    default:
      return kind;
  }
}
