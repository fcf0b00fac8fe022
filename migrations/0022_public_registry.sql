CREATE TABLE `public_registry` (
	`lks_id` text PRIMARY KEY NOT NULL,
	`certificate_id` text NOT NULL,
	`number` text NOT NULL,
	`name` text NOT NULL,
	`name_key` text NOT NULL,
	`province_code` text NOT NULL,
	`province_name` text NOT NULL,
	`kab_kota_code` text NOT NULL,
	`kab_kota_name` text NOT NULL,
	`lks_types` text NOT NULL,
	`grade` text NOT NULL,
	`valid_from` text NOT NULL,
	`valid_until` text NOT NULL,
	`hold` text NOT NULL,
	`hold_since` text,
	`hold_reason` text,
	`certificates` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `public_registry_name_idx` ON `public_registry` (`name_key`,`lks_id`);--> statement-breakpoint
CREATE INDEX `public_registry_province_idx` ON `public_registry` (`province_code`,`grade`,`name_key`,`lks_id`);--> statement-breakpoint
CREATE INDEX `public_registry_kab_kota_idx` ON `public_registry` (`kab_kota_code`,`name_key`,`lks_id`);--> statement-breakpoint
CREATE TABLE `public_registry_state` (
	`id` integer PRIMARY KEY NOT NULL,
	`version` integer NOT NULL,
	`changed_at` text NOT NULL
);
--> statement-breakpoint
-- Hand-written from here (drizzle-kit models neither views nor triggers). The standing certificate
-- of each LKS, as the domain's status rules make it (packages/domain/src/certificates/status.ts):
-- a revoked certificate supersedes nothing, so the latest certificate not revoked stands (every
-- earlier one is superseded by it); only when all are revoked does the latest revoked one. Its hold
-- is the revocation (final, wins) or else its last suspension not yet lifted.
CREATE VIEW `public_registry_source` AS
SELECT
	c.`lks_id`,
	c.`id` AS `certificate_id`,
	c.`number`,
	c.`lks_name` AS `name`,
	lower(c.`lks_name`) AS `name_key`,
	substr(c.`kab_kota_code`, 1, 2) AS `province_code`,
	c.`province_name`,
	c.`kab_kota_code`,
	c.`kab_kota_name`,
	c.`lks_types`,
	c.`grade`,
	c.`valid_from`,
	c.`valid_until`,
	CASE
		WHEN r.`at` IS NOT NULL THEN 'revoked'
		WHEN h.`kind` = 'suspended' THEN 'suspended'
		ELSE 'none'
	END AS `hold`,
	CASE WHEN r.`at` IS NOT NULL THEN r.`at` WHEN h.`kind` = 'suspended' THEN h.`at` END AS `hold_since`,
	CASE WHEN r.`at` IS NOT NULL THEN r.`reason` WHEN h.`kind` = 'suspended' THEN h.`reason` END AS `hold_reason`,
	(SELECT count(*) FROM `certificates` a WHERE a.`lks_id` = c.`lks_id`) AS `certificates`
FROM `certificates` c
LEFT JOIN `certificate_events` r ON r.`id` = (
	SELECT e.`id` FROM `certificate_events` e WHERE e.`certificate_id` = c.`id` AND e.`kind` = 'revoked' ORDER BY e.`at`, e.`id` LIMIT 1
)
LEFT JOIN `certificate_events` h ON h.`id` = (
	SELECT e.`id` FROM `certificate_events` e WHERE e.`certificate_id` = c.`id` AND e.`kind` <> 'revoked' ORDER BY e.`at` DESC, e.`id` DESC LIMIT 1
)
WHERE c.`id` = (
	SELECT s.`id` FROM `certificates` s WHERE s.`lks_id` = c.`lks_id`
	ORDER BY EXISTS (SELECT 1 FROM `certificate_events` x WHERE x.`certificate_id` = s.`id` AND x.`kind` = 'revoked'), s.`issued_at` DESC, s.`id` DESC
	LIMIT 1
);
--> statement-breakpoint
INSERT INTO `public_registry_state` (`id`, `version`, `changed_at`) VALUES (1, 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
--> statement-breakpoint
INSERT INTO `public_registry` SELECT * FROM `public_registry_source`;
--> statement-breakpoint
-- Issuing (a first certificate, or one superseding the last), suspending, reinstating and revoking
-- each write one row; the LKS's registry row is recomputed and the registry's version bumped in the
-- same transaction, so a cached answer keyed by the old version is never served again. Delete then
-- insert (not INSERT OR REPLACE): an outer INSERT OR IGNORE (the national seed's) would turn a
-- trigger's OR REPLACE into OR IGNORE and keep the stale row.
CREATE TRIGGER `public_registry_certificates_insert` AFTER INSERT ON `certificates` BEGIN
	DELETE FROM `public_registry` WHERE `lks_id` = NEW.`lks_id`;
	INSERT INTO `public_registry` SELECT * FROM `public_registry_source` WHERE `lks_id` = NEW.`lks_id`;
	UPDATE `public_registry_state` SET `version` = `version` + 1, `changed_at` = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `public_registry_certificates_update` AFTER UPDATE OF `lks_id`, `lks_name`, `kab_kota_code`, `kab_kota_name`, `province_name`, `lks_types`, `grade`, `valid_from`, `valid_until`, `issued_at` ON `certificates` BEGIN
	DELETE FROM `public_registry` WHERE `lks_id` IN (OLD.`lks_id`, NEW.`lks_id`);
	INSERT INTO `public_registry` SELECT * FROM `public_registry_source` WHERE `lks_id` IN (OLD.`lks_id`, NEW.`lks_id`);
	UPDATE `public_registry_state` SET `version` = `version` + 1, `changed_at` = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `public_registry_certificates_delete` AFTER DELETE ON `certificates` BEGIN
	DELETE FROM `public_registry` WHERE `lks_id` = OLD.`lks_id`;
	INSERT INTO `public_registry` SELECT * FROM `public_registry_source` WHERE `lks_id` = OLD.`lks_id`;
	UPDATE `public_registry_state` SET `version` = `version` + 1, `changed_at` = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `public_registry_certificate_events_insert` AFTER INSERT ON `certificate_events` BEGIN
	DELETE FROM `public_registry` WHERE `lks_id` = (SELECT `lks_id` FROM `certificates` WHERE `id` = NEW.`certificate_id`);
	INSERT INTO `public_registry` SELECT * FROM `public_registry_source` WHERE `lks_id` = (SELECT `lks_id` FROM `certificates` WHERE `id` = NEW.`certificate_id`);
	UPDATE `public_registry_state` SET `version` = `version` + 1, `changed_at` = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `public_registry_certificate_events_delete` AFTER DELETE ON `certificate_events` BEGIN
	DELETE FROM `public_registry` WHERE `lks_id` = (SELECT `lks_id` FROM `certificates` WHERE `id` = OLD.`certificate_id`);
	INSERT INTO `public_registry` SELECT * FROM `public_registry_source` WHERE `lks_id` = (SELECT `lks_id` FROM `certificates` WHERE `id` = OLD.`certificate_id`);
	UPDATE `public_registry_state` SET `version` = `version` + 1, `changed_at` = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE `id` = 1;
END;
