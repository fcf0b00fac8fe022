DROP INDEX `document_requirements_key`;--> statement-breakpoint
ALTER TABLE `document_requirements` ADD `ownership` text DEFAULT 'community' NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `document_requirements_owned_key` ON `document_requirements` (`tenant_id`,`application_kind`,`ownership`,`key`);--> statement-breakpoint
ALTER TABLE `lks` ADD `ownership` text DEFAULT 'community' NOT NULL;--> statement-breakpoint
ALTER TABLE `lks` ADD `institution_kind` text DEFAULT 'lks' NOT NULL;--> statement-breakpoint
CREATE INDEX `lks_tenant_ownership_idx` ON `lks` (`tenant_id`,`ownership`);--> statement-breakpoint
-- Hand-written below: every LKS registered so far is a community organisation (issue 17); its
-- JSON profile says so too, so that the profile and its columns agree.
UPDATE `lks` SET `profile` = json_set(`profile`, '$.ownership', 'community', '$.institutionKind', 'lks') WHERE json_extract(`profile`, '$.ownership') IS NULL;--> statement-breakpoint
-- Each existing tenant gets a government checklist per application kind, as a new tenant does
-- (DEFAULT_CHECKLISTS_BY_OWNERSHIP.government): its own community list without the community-only
-- documents, with the government documents where the notarial deed was.
INSERT INTO `document_requirements` (`id`, `tenant_id`, `application_kind`, `ownership`, `key`, `name`, `description`, `required`, `accepted_types`, `max_bytes`, `position`)
SELECT lower(hex(randomblob(16))), `tenant_id`, `application_kind`, 'government', `key`, `name`, `description`, `required`, `accepted_types`, `max_bytes`, `position` * 4
FROM `document_requirements`
WHERE `ownership` = 'community' AND `key` NOT IN ('akta_pendirian', 'sk_kemenkumham', 'npwp', 'rekening_bank');--> statement-breakpoint
INSERT INTO `document_requirements` (`id`, `tenant_id`, `application_kind`, `ownership`, `key`, `name`, `description`, `required`, `accepted_types`, `max_bytes`, `position`)
SELECT lower(hex(randomblob(16))), k.`tenant_id`, k.`application_kind`, 'government', d.`key`, d.`name`, d.`description`, d.`required`, '["pdf"]', 2097152,
  coalesce((SELECT a.`position` FROM `document_requirements` a WHERE a.`tenant_id` = k.`tenant_id` AND a.`application_kind` = k.`application_kind` AND a.`ownership` = 'community' AND a.`key` = 'akta_pendirian'), -1) * 4 + d.`offset`
FROM (SELECT DISTINCT `tenant_id`, `application_kind` FROM `document_requirements` WHERE `ownership` = 'community') k
CROSS JOIN (
  SELECT 'sk_pendirian_unit' AS `key`, 'SK pendirian unit (Perda/Pergub/Perbup/Perwali/Permensos)' AS `name`, 'Keputusan yang membentuk panti, UPTD, LBK atau UILS' AS `description`, 1 AS `required`, 1 AS `offset`
  UNION ALL SELECT 'sk_penempatan_kepala', 'SK pengangkatan kepala unit', 'Dari instansi pemilik', 0, 2
  UNION ALL SELECT 'dipa_anggaran', 'Dokumen anggaran (DPA/DIPA) tahun berjalan', 'Halaman yang memuat anggaran unit', 0, 3
) d;
