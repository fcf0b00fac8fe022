CREATE TABLE `certificate_counters` (
	`year` integer PRIMARY KEY NOT NULL,
	`last` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `certificate_events` (
	`id` text PRIMARY KEY NOT NULL,
	`certificate_id` text NOT NULL,
	`tenant_id` text NOT NULL,
	`kind` text NOT NULL,
	`reason` text NOT NULL,
	`by_user_id` text,
	`at` text NOT NULL,
	FOREIGN KEY (`certificate_id`) REFERENCES `certificates`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `certificate_events_certificate_idx` ON `certificate_events` (`certificate_id`,`at`);--> statement-breakpoint
CREATE TABLE `certificate_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`number_template` text NOT NULL,
	`signer_name` text NOT NULL,
	`signer_position` text NOT NULL,
	`updated_by` text,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `certificates` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`application_id` text NOT NULL,
	`lks_id` text NOT NULL,
	`number` text NOT NULL,
	`year` integer NOT NULL,
	`sequence` integer NOT NULL,
	`lks_name` text NOT NULL,
	`lks_legal_name` text,
	`lks_address` text,
	`kab_kota_code` text NOT NULL,
	`kab_kota_name` text NOT NULL,
	`province_name` text NOT NULL,
	`lks_types` text NOT NULL,
	`grade` text NOT NULL,
	`decided_on` text NOT NULL,
	`valid_from` text NOT NULL,
	`valid_until` text NOT NULL,
	`instrument_version_id` text,
	`instrument_label` text NOT NULL,
	`regulation` text NOT NULL,
	`signer_name` text NOT NULL,
	`signer_position` text NOT NULL,
	`payload` text NOT NULL,
	`kid` text NOT NULL,
	`pdf_key` text NOT NULL,
	`pdf_sha256` text NOT NULL,
	`pdf_bytes` integer NOT NULL,
	`issued_at` text NOT NULL,
	`issued_by` text,
	`handed_over_on` text,
	`handed_over_to` text,
	`handed_over_by` text,
	`version` integer NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lks_id`) REFERENCES `lks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`instrument_version_id`) REFERENCES `instrument_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`issued_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`handed_over_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `certificates_number_unique` ON `certificates` (`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `certificates_year_sequence_unique` ON `certificates` (`year`,`sequence`);--> statement-breakpoint
CREATE UNIQUE INDEX `certificates_application_unique` ON `certificates` (`application_id`);--> statement-breakpoint
CREATE INDEX `certificates_lks_idx` ON `certificates` (`lks_id`,`issued_at`);--> statement-breakpoint
CREATE INDEX `certificates_tenant_idx` ON `certificates` (`tenant_id`,`issued_at`);--> statement-breakpoint
-- BALKS's defaults (issue 14): the number format of the issue's example and the board's head as signer; BALKS edits them.
INSERT INTO `certificate_settings` (`id`, `number_template`, `signer_name`, `signer_position`, `updated_at`) VALUES (1, '{seq:4}/BALKS/{grade}/{month}/{year}', 'Ketua BALKS', 'Ketua Badan Akreditasi Lembaga Kesejahteraan Sosial', '2026-12-05T00:00:00.000Z');
