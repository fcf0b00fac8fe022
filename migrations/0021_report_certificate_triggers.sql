-- The report roll-ups (0020) learn of certificate changes the way they learn of the others: a
-- trigger marks the tenant out of date in the same transaction. Issuing moves the application
-- (already marked by 0020's triggers); a suspension, reinstatement or revocation touches only
-- certificate_events, so it marks both the certificate's tenant and the LKS's current one (which
-- differs after a transfer).
CREATE TRIGGER `report_dirty_certificates_insert` AFTER INSERT ON `certificates` BEGIN
	INSERT INTO `report_state` (`tenant_id`, `dirty_since`) VALUES (NEW.`tenant_id`, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
	ON CONFLICT (`tenant_id`) DO UPDATE SET `dirty_since` = coalesce(`dirty_since`, excluded.`dirty_since`);
	INSERT INTO `report_state` (`tenant_id`, `dirty_since`) SELECT (SELECT `tenant_id` FROM `lks` WHERE `id` = NEW.`lks_id`), strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE (SELECT `tenant_id` FROM `lks` WHERE `id` = NEW.`lks_id`) IS NOT NULL
	ON CONFLICT (`tenant_id`) DO UPDATE SET `dirty_since` = coalesce(`dirty_since`, excluded.`dirty_since`);
END;
--> statement-breakpoint
CREATE TRIGGER `report_dirty_certificate_events_insert` AFTER INSERT ON `certificate_events` BEGIN
	INSERT INTO `report_state` (`tenant_id`, `dirty_since`) VALUES (NEW.`tenant_id`, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
	ON CONFLICT (`tenant_id`) DO UPDATE SET `dirty_since` = coalesce(`dirty_since`, excluded.`dirty_since`);
	INSERT INTO `report_state` (`tenant_id`, `dirty_since`) SELECT (SELECT l.`tenant_id` FROM `certificates` c JOIN `lks` l ON l.`id` = c.`lks_id` WHERE c.`id` = NEW.`certificate_id`), strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE (SELECT l.`tenant_id` FROM `certificates` c JOIN `lks` l ON l.`id` = c.`lks_id` WHERE c.`id` = NEW.`certificate_id`) IS NOT NULL
	ON CONFLICT (`tenant_id`) DO UPDATE SET `dirty_since` = coalesce(`dirty_since`, excluded.`dirty_since`);
END;
