import type { PpksCategory } from "@akrab/domain";
import { m } from "#lib/paraglide/messages.js";

/** Labels only the LKS profile (form, view, change history) shows; kept out of `labels.ts` (26 PPKS texts). */
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
