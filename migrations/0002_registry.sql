CREATE TABLE `areas` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`level` text NOT NULL,
	`parent_code` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `areas_parent_idx` ON `areas` (`parent_code`,`name`);--> statement-breakpoint
CREATE TABLE `email_verifications` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`token_hash` text NOT NULL,
	`expires_at` text NOT NULL,
	`used_at` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `email_verifications_token_hash_unique` ON `email_verifications` (`token_hash`);--> statement-breakpoint
CREATE TABLE `lks_history` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`lks_id` text NOT NULL,
	`field` text NOT NULL,
	`old_value` text,
	`new_value` text,
	`changed_by` text,
	`note` text,
	`changed_at` text NOT NULL,
	FOREIGN KEY (`lks_id`) REFERENCES `lks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`changed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `lks_history_lks_idx` ON `lks_history` (`lks_id`,`changed_at`);--> statement-breakpoint
CREATE TABLE `lks_reminders` (
	`lks_id` text NOT NULL,
	`document` text NOT NULL,
	`expires_on` text NOT NULL,
	`threshold_days` integer NOT NULL,
	`sent_at` text NOT NULL,
	PRIMARY KEY(`lks_id`, `document`, `expires_on`, `threshold_days`),
	FOREIGN KEY (`lks_id`) REFERENCES `lks`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `tenant_signups` (
	`id` text PRIMARY KEY NOT NULL,
	`region_code` text NOT NULL,
	`office_name` text NOT NULL,
	`official_email` text NOT NULL,
	`contact_name` text NOT NULL,
	`contact_phone` text NOT NULL,
	`status` text NOT NULL,
	`attach_token_hash` text NOT NULL,
	`letter_key` text,
	`letter_filename` text,
	`letter_size` integer,
	`reject_reason` text,
	`reviewed_by` text,
	`reviewed_at` text,
	`tenant_id` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`region_code`) REFERENCES `regions`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `tenant_signups_status_idx` ON `tenant_signups` (`status`,`created_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `tenant_signups_pending_region` ON `tenant_signups` (`region_code`) WHERE status = 'pending';--> statement-breakpoint
-- Hand-edited: SQLite cannot add NOT NULL columns without a default, and rows written before
-- the registry (demo data only) are carried over: version 0 marks them for the demo seed to
-- fill in their full profile.
ALTER TABLE `lks` ADD `types` text NOT NULL DEFAULT '[]';--> statement-breakpoint
ALTER TABLE `lks` ADD `district_code` text NOT NULL DEFAULT '';--> statement-breakpoint
ALTER TABLE `lks` ADD `tanda_daftar_expires_on` text;--> statement-breakpoint
ALTER TABLE `lks` ADD `izin_expires_on` text;--> statement-breakpoint
ALTER TABLE `lks` ADD `profile` text NOT NULL DEFAULT '{}';--> statement-breakpoint
ALTER TABLE `lks` ADD `return_comments` text NOT NULL DEFAULT '[]';--> statement-breakpoint
ALTER TABLE `lks` ADD `version` integer NOT NULL DEFAULT 0;--> statement-breakpoint
UPDATE `lks` SET `types` = json_array(`type`), `profile` = json_object('name', `name`);--> statement-breakpoint
CREATE INDEX `lks_tenant_district_idx` ON `lks` (`tenant_id`,`district_code`);--> statement-breakpoint
CREATE INDEX `lks_tanda_daftar_expiry_idx` ON `lks` (`tanda_daftar_expires_on`);--> statement-breakpoint
CREATE INDEX `lks_izin_expiry_idx` ON `lks` (`izin_expires_on`);--> statement-breakpoint
ALTER TABLE `lks` DROP COLUMN `type`;--> statement-breakpoint
ALTER TABLE `lks` DROP COLUMN `address`;--> statement-breakpoint
ALTER TABLE `tenants` ADD `address` text;--> statement-breakpoint
ALTER TABLE `tenants` ADD `phone` text;--> statement-breakpoint
ALTER TABLE `tenants` ADD `email` text;--> statement-breakpoint
ALTER TABLE `tenants` ADD `contact_name` text;--> statement-breakpoint
ALTER TABLE `tenants` ADD `logo_key` text;--> statement-breakpoint
ALTER TABLE `users` ADD `email_verified_at` text;--> statement-breakpoint
-- Accounts so far were made by invitation or the demo seed: their email is proven.
UPDATE `users` SET `email_verified_at` = `created_at`;