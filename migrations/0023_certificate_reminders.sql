CREATE TABLE `certificate_reminders` (
	`certificate_id` text NOT NULL,
	`threshold_days` integer NOT NULL,
	`sent_at` text NOT NULL,
	PRIMARY KEY(`certificate_id`, `threshold_days`),
	FOREIGN KEY (`certificate_id`) REFERENCES `certificates`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `certificate_settings` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
CREATE INDEX `certificates_tenant_valid_until_idx` ON `certificates` (`tenant_id`,`valid_until`);--> statement-breakpoint
CREATE INDEX `certificates_valid_until_idx` ON `certificates` (`valid_until`);