ALTER TABLE `tenants` ADD `workflow_reviewed_at` text;--> statement-breakpoint
ALTER TABLE `tenants` ADD `setup_dismissed_at` text;--> statement-breakpoint
ALTER TABLE `document_requirements` ADD `name_en` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `document_requirements` ADD `description_en` text DEFAULT '' NOT NULL;--> statement-breakpoint
-- Hand-written below (issue 10). The LKS's submit and resubmit require the document checklist in
-- the national default now; every tenant whose latest published workflow still lets them through
-- without it gets a new version with the requirement on. Applications keep their pinned version.
INSERT INTO `workflow_versions` (`tenant_id`, `version`, `regional`, `definition`, `published_by`, `published_at`)
SELECT w.`tenant_id`, w.`version` + 1,
  json_set(w.`regional`, '$.transitions', json((SELECT json_group_array(CASE WHEN json_extract(t.value, '$.action') IN ('submit', 'resubmit') THEN json_set(t.value, '$.checklistRequired', json('true')) ELSE json(t.value) END) FROM json_each(w.`regional`, '$.transitions') t))),
  json_set(w.`definition`, '$.transitions', json((SELECT json_group_array(CASE WHEN json_extract(t.value, '$.action') IN ('submit', 'resubmit') THEN json_set(t.value, '$.checklistRequired', json('true')) ELSE json(t.value) END) FROM json_each(w.`definition`, '$.transitions') t))),
  NULL, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
FROM `workflow_versions` w
WHERE w.`version` = (SELECT max(v.`version`) FROM `workflow_versions` v WHERE v.`tenant_id` = w.`tenant_id`)
  AND EXISTS (SELECT 1 FROM json_each(w.`regional`, '$.transitions') t WHERE json_extract(t.value, '$.action') IN ('submit', 'resubmit') AND json_extract(t.value, '$.checklistRequired') = 0);--> statement-breakpoint
INSERT INTO `audit_events` (`id`, `tenant_id`, `actor_user_id`, `action`, `target_type`, `target_id`, `ip`, `data`, `created_at`)
SELECT lower(hex(randomblob(16))), w.`tenant_id`, NULL, 'workflow.published', 'workflow', w.`tenant_id`, NULL, json_object('version', w.`version`, 'reason', 'checklist_required_by_default'), w.`published_at`
FROM `workflow_versions` w WHERE w.`published_by` IS NULL AND w.`version` > 1 AND NOT EXISTS (SELECT 1 FROM `audit_events` a WHERE a.`tenant_id` = w.`tenant_id` AND a.`action` = 'workflow.published' AND json_extract(a.`data`, '$.version') = w.`version`);--> statement-breakpoint
-- A draft being edited gets the requirement too, or publishing it would switch the requirement off again.
UPDATE `workflow_drafts` SET `regional` = json_set(`regional`, '$.transitions', json((SELECT json_group_array(CASE WHEN json_extract(t.value, '$.action') IN ('submit', 'resubmit') THEN json_set(t.value, '$.checklistRequired', json('true')) ELSE json(t.value) END) FROM json_each(`regional`, '$.transitions') t))),
  `base_version` = (SELECT max(v.`version`) FROM `workflow_versions` v WHERE v.`tenant_id` = `workflow_drafts`.`tenant_id`);--> statement-breakpoint
-- Checklist items the tenant kept as the national default get the default's English name and description.
UPDATE `document_requirements` SET `name_en` = d.`name_en`
FROM (
  SELECT json_extract(value, '$.key') AS `key`, json_extract(value, '$.name') AS `name`, json_extract(value, '$.name_en') AS `name_en`, json_extract(value, '$.description') AS `description`, json_extract(value, '$.description_en') AS `description_en`
  FROM json_each('[{"key":"surat_permohonan","name":"Surat permohonan akreditasi","name_en":"Application letter for accreditation","description":"Ditujukan kepada Ketua BALKS, ditandatangani ketua pengurus","description_en":"Addressed to the Chair of BALKS, signed by the chair of the board"},
  {"key":"profil_lks","name":"Profil LKS","name_en":"LKS profile","description":"Sejarah, visi-misi, layanan dan kapasitas","description_en":"History, vision and mission, services and capacity"},
  {"key":"formulir_a","name":"Formulir A — instrumen penilaian mandiri","name_en":"Form A — self-assessment instrument","description":"Diisi LKS untuk enam standar akreditasi","description_en":"Filled in by the LKS for the six accreditation standards"},
  {"key":"formulir_b","name":"Formulir B — bukti fisik pelayanan","name_en":"Form B — physical evidence of services","description":"Foto dan dokumen bukti layanan","description_en":"Photos and documents evidencing services"},
  {"key":"akta_pendirian","name":"Akta notaris pendirian dan perubahan","name_en":"Notarial deed of establishment and amendments","description":"Untuk yayasan/perkumpulan; atau surat keterangan berdiri yang dilegalisasi","description_en":"For foundations/associations; or a legalised statement of establishment"},
  {"key":"sk_kemenkumham","name":"SK pengesahan Kemenkumham","name_en":"Ministry of Law approval decree","description":"Untuk LKS berbadan hukum","description_en":"For LKS with legal-entity status"},
  {"key":"tanda_daftar","name":"Tanda daftar LKS","name_en":"LKS registration certificate","description":"Yang masih berlaku","description_en":"Still valid"},
  {"key":"izin_operasional","name":"Izin operasional","name_en":"Operating permit","description":"Wajib untuk layanan dalam panti","description_en":"Required for residential services"},
  {"key":"npwp","name":"NPWP lembaga","name_en":"Institution''s tax number (NPWP)","description":"Kartu atau surat keterangan terdaftar","description_en":"Card or certificate of registration"},
  {"key":"struktur_pengurus","name":"Struktur organisasi dan susunan pengurus","name_en":"Organisation chart and board members","description":"Dengan salinan KTP pengurus","description_en":"With copies of the board members'' ID cards"},
  {"key":"program_kerja","name":"Program kerja","name_en":"Work programme","description":"Tahun berjalan","description_en":"Current year"},
  {"key":"daftar_sdm","name":"Daftar SDM","name_en":"Staff list","description":"Nama, jabatan, pendidikan, pelatihan","description_en":"Name, position, education, training"},
  {"key":"daftar_sarpras","name":"Daftar sarana dan prasarana","name_en":"List of facilities and infrastructure","description":"Termasuk ruang tamu, kantor, ibadah, toilet, ruang kesehatan","description_en":"Including reception, office, prayer room, toilets, health room"},
  {"key":"daftar_klien","name":"Daftar penerima layanan","name_en":"List of service recipients","description":"Data klien saat ini","description_en":"Current client data"},
  {"key":"laporan_kegiatan","name":"Laporan kegiatan tiga tahun terakhir","name_en":"Activity reports for the last three years","description":"Termasuk laporan keuangan","description_en":"Including financial reports"},
  {"key":"rekening_bank","name":"Rekening bank atas nama lembaga","name_en":"Bank account in the institution''s name","description":"Halaman depan buku tabungan","description_en":"Front page of the savings book"},
  {"key":"sertifikat_sebelumnya","name":"Sertifikat akreditasi sebelumnya","name_en":"Previous accreditation certificate","description":"Beserta rekomendasi perbaikan dari BALKS","description_en":"With BALKS''s recommendations for improvement"},
  {"key":"sk_pendirian_unit","name":"SK pendirian unit (Perda/Pergub/Perbup/Perwali/Permensos)","name_en":"Decree establishing the unit (regional or ministerial regulation)","description":"Keputusan yang membentuk panti, UPTD, LBK atau UILS","description_en":"The decree that formed the residential home, UPTD, LBK or UILS"},
  {"key":"sk_penempatan_kepala","name":"SK pengangkatan kepala unit","name_en":"Decree appointing the head of the unit","description":"Dari instansi pemilik","description_en":"From the owning agency"},
  {"key":"dipa_anggaran","name":"Dokumen anggaran (DPA/DIPA) tahun berjalan","name_en":"Budget document (DPA/DIPA) for the current year","description":"Halaman yang memuat anggaran unit","description_en":"The pages showing the unit''s budget"}]')
) d
WHERE `document_requirements`.`key` = d.`key` AND `document_requirements`.`name` = d.`name` AND `document_requirements`.`name_en` = '';--> statement-breakpoint
UPDATE `document_requirements` SET `description_en` = d.`description_en`
FROM (
  SELECT json_extract(value, '$.key') AS `key`, json_extract(value, '$.name') AS `name`, json_extract(value, '$.name_en') AS `name_en`, json_extract(value, '$.description') AS `description`, json_extract(value, '$.description_en') AS `description_en`
  FROM json_each('[{"key":"surat_permohonan","name":"Surat permohonan akreditasi","name_en":"Application letter for accreditation","description":"Ditujukan kepada Ketua BALKS, ditandatangani ketua pengurus","description_en":"Addressed to the Chair of BALKS, signed by the chair of the board"},
  {"key":"profil_lks","name":"Profil LKS","name_en":"LKS profile","description":"Sejarah, visi-misi, layanan dan kapasitas","description_en":"History, vision and mission, services and capacity"},
  {"key":"formulir_a","name":"Formulir A — instrumen penilaian mandiri","name_en":"Form A — self-assessment instrument","description":"Diisi LKS untuk enam standar akreditasi","description_en":"Filled in by the LKS for the six accreditation standards"},
  {"key":"formulir_b","name":"Formulir B — bukti fisik pelayanan","name_en":"Form B — physical evidence of services","description":"Foto dan dokumen bukti layanan","description_en":"Photos and documents evidencing services"},
  {"key":"akta_pendirian","name":"Akta notaris pendirian dan perubahan","name_en":"Notarial deed of establishment and amendments","description":"Untuk yayasan/perkumpulan; atau surat keterangan berdiri yang dilegalisasi","description_en":"For foundations/associations; or a legalised statement of establishment"},
  {"key":"sk_kemenkumham","name":"SK pengesahan Kemenkumham","name_en":"Ministry of Law approval decree","description":"Untuk LKS berbadan hukum","description_en":"For LKS with legal-entity status"},
  {"key":"tanda_daftar","name":"Tanda daftar LKS","name_en":"LKS registration certificate","description":"Yang masih berlaku","description_en":"Still valid"},
  {"key":"izin_operasional","name":"Izin operasional","name_en":"Operating permit","description":"Wajib untuk layanan dalam panti","description_en":"Required for residential services"},
  {"key":"npwp","name":"NPWP lembaga","name_en":"Institution''s tax number (NPWP)","description":"Kartu atau surat keterangan terdaftar","description_en":"Card or certificate of registration"},
  {"key":"struktur_pengurus","name":"Struktur organisasi dan susunan pengurus","name_en":"Organisation chart and board members","description":"Dengan salinan KTP pengurus","description_en":"With copies of the board members'' ID cards"},
  {"key":"program_kerja","name":"Program kerja","name_en":"Work programme","description":"Tahun berjalan","description_en":"Current year"},
  {"key":"daftar_sdm","name":"Daftar SDM","name_en":"Staff list","description":"Nama, jabatan, pendidikan, pelatihan","description_en":"Name, position, education, training"},
  {"key":"daftar_sarpras","name":"Daftar sarana dan prasarana","name_en":"List of facilities and infrastructure","description":"Termasuk ruang tamu, kantor, ibadah, toilet, ruang kesehatan","description_en":"Including reception, office, prayer room, toilets, health room"},
  {"key":"daftar_klien","name":"Daftar penerima layanan","name_en":"List of service recipients","description":"Data klien saat ini","description_en":"Current client data"},
  {"key":"laporan_kegiatan","name":"Laporan kegiatan tiga tahun terakhir","name_en":"Activity reports for the last three years","description":"Termasuk laporan keuangan","description_en":"Including financial reports"},
  {"key":"rekening_bank","name":"Rekening bank atas nama lembaga","name_en":"Bank account in the institution''s name","description":"Halaman depan buku tabungan","description_en":"Front page of the savings book"},
  {"key":"sertifikat_sebelumnya","name":"Sertifikat akreditasi sebelumnya","name_en":"Previous accreditation certificate","description":"Beserta rekomendasi perbaikan dari BALKS","description_en":"With BALKS''s recommendations for improvement"},
  {"key":"sk_pendirian_unit","name":"SK pendirian unit (Perda/Pergub/Perbup/Perwali/Permensos)","name_en":"Decree establishing the unit (regional or ministerial regulation)","description":"Keputusan yang membentuk panti, UPTD, LBK atau UILS","description_en":"The decree that formed the residential home, UPTD, LBK or UILS"},
  {"key":"sk_penempatan_kepala","name":"SK pengangkatan kepala unit","name_en":"Decree appointing the head of the unit","description":"Dari instansi pemilik","description_en":"From the owning agency"},
  {"key":"dipa_anggaran","name":"Dokumen anggaran (DPA/DIPA) tahun berjalan","name_en":"Budget document (DPA/DIPA) for the current year","description":"Halaman yang memuat anggaran unit","description_en":"The pages showing the unit''s budget"}]')
) d
WHERE `document_requirements`.`key` = d.`key` AND `document_requirements`.`description` = d.`description` AND `document_requirements`.`description_en` = '';
