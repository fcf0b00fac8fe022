CREATE TABLE `report_lks` (
	`lks_id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`name` text NOT NULL,
	`region_code` text NOT NULL,
	`province_code` text NOT NULL,
	`lks_type` text NOT NULL,
	`category` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `report_lks_area_idx` ON `report_lks` (`province_code`,`region_code`,`lks_type`,`category`);--> statement-breakpoint
CREATE INDEX `report_lks_category_idx` ON `report_lks` (`category`,`province_code`,`name`,`lks_id`);--> statement-breakpoint
CREATE INDEX `report_lks_tenant_idx` ON `report_lks` (`tenant_id`);--> statement-breakpoint
CREATE TABLE `report_monthly` (
	`tenant_id` text NOT NULL,
	`month` text NOT NULL,
	`measure` text NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `month`, `measure`)
);
--> statement-breakpoint
CREATE INDEX `report_monthly_month_idx` ON `report_monthly` (`month`);--> statement-breakpoint
CREATE TABLE `report_state` (
	`tenant_id` text PRIMARY KEY NOT NULL,
	`computed_at` text,
	`dirty_since` text
);
--> statement-breakpoint
-- Hand-written (drizzle-kit does not model triggers). A change to a counted row marks its tenant's
-- roll-ups out of date in the same transaction as the change itself, so no write handler has to
-- remember the reports; the minute cron (or a report asking for fresh figures) recomputes them
-- from the raw rows. dirty_since keeps the first unrecomputed change: the figures are stale since then.
INSERT INTO `report_state` (`tenant_id`, `dirty_since`) SELECT `id`, strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM `tenants`;
--> statement-breakpoint
CREATE TRIGGER `report_dirty_lks_insert` AFTER INSERT ON `lks` BEGIN
	INSERT INTO `report_state` (`tenant_id`, `dirty_since`) VALUES (NEW.`tenant_id`, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
	ON CONFLICT (`tenant_id`) DO UPDATE SET `dirty_since` = coalesce(`dirty_since`, excluded.`dirty_since`);
END;
--> statement-breakpoint
CREATE TRIGGER `report_dirty_lks_update` AFTER UPDATE OF `status`, `types`, `region_code`, `tenant_id`, `name` ON `lks` BEGIN
	INSERT INTO `report_state` (`tenant_id`, `dirty_since`) VALUES (NEW.`tenant_id`, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
	ON CONFLICT (`tenant_id`) DO UPDATE SET `dirty_since` = coalesce(`dirty_since`, excluded.`dirty_since`);
	-- A transfer between tenants changes both.
	INSERT INTO `report_state` (`tenant_id`, `dirty_since`) VALUES (OLD.`tenant_id`, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
	ON CONFLICT (`tenant_id`) DO UPDATE SET `dirty_since` = coalesce(`dirty_since`, excluded.`dirty_since`);
END;
--> statement-breakpoint
CREATE TRIGGER `report_dirty_applications_insert` AFTER INSERT ON `applications` BEGIN
	INSERT INTO `report_state` (`tenant_id`, `dirty_since`) VALUES (NEW.`tenant_id`, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
	ON CONFLICT (`tenant_id`) DO UPDATE SET `dirty_since` = coalesce(`dirty_since`, excluded.`dirty_since`);
END;
--> statement-breakpoint
CREATE TRIGGER `report_dirty_applications_update` AFTER UPDATE OF `step`, `open`, `submitted_at`, `tenant_id`, `lks_id` ON `applications` BEGIN
	INSERT INTO `report_state` (`tenant_id`, `dirty_since`) VALUES (NEW.`tenant_id`, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
	ON CONFLICT (`tenant_id`) DO UPDATE SET `dirty_since` = coalesce(`dirty_since`, excluded.`dirty_since`);
	INSERT INTO `report_state` (`tenant_id`, `dirty_since`) VALUES (OLD.`tenant_id`, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
	ON CONFLICT (`tenant_id`) DO UPDATE SET `dirty_since` = coalesce(`dirty_since`, excluded.`dirty_since`);
END;
--> statement-breakpoint
CREATE TRIGGER `report_dirty_application_events_insert` AFTER INSERT ON `application_events` BEGIN
	INSERT INTO `report_state` (`tenant_id`, `dirty_since`) VALUES (NEW.`tenant_id`, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
	ON CONFLICT (`tenant_id`) DO UPDATE SET `dirty_since` = coalesce(`dirty_since`, excluded.`dirty_since`);
END;
