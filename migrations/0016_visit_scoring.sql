CREATE TABLE `document_checks` (
	`tenant_id` text NOT NULL,
	`sheet_id` text NOT NULL,
	`code` text NOT NULL,
	`present` integer,
	`note` text NOT NULL,
	`version` integer NOT NULL,
	`updated_by` text,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`sheet_id`, `code`),
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sheet_id`) REFERENCES `score_sheets`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `document_checks_tenant_idx` ON `document_checks` (`tenant_id`);--> statement-breakpoint
CREATE TABLE `safeguarding_findings` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`sheet_id` text NOT NULL,
	`application_id` text NOT NULL,
	`indicator` text NOT NULL,
	`kind` text NOT NULL,
	`description` text NOT NULL,
	`reported_at` text NOT NULL,
	`received_at` text NOT NULL,
	`reported_by` text,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sheet_id`) REFERENCES `score_sheets`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reported_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `safeguarding_findings_sheet_idx` ON `safeguarding_findings` (`sheet_id`);--> statement-breakpoint
CREATE INDEX `safeguarding_findings_application_idx` ON `safeguarding_findings` (`application_id`);--> statement-breakpoint
CREATE INDEX `safeguarding_findings_tenant_idx` ON `safeguarding_findings` (`tenant_id`);--> statement-breakpoint
CREATE TABLE `score_entries` (
	`tenant_id` text NOT NULL,
	`sheet_id` text NOT NULL,
	`indicator` text NOT NULL,
	`level` integer,
	`note` text NOT NULL,
	`version` integer NOT NULL,
	`updated_by` text,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`sheet_id`, `indicator`),
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`sheet_id`) REFERENCES `score_sheets`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `score_entries_tenant_idx` ON `score_entries` (`tenant_id`);--> statement-breakpoint
CREATE TABLE `score_sheets` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`application_id` text NOT NULL,
	`assignment_id` text NOT NULL,
	`asesor_id` text NOT NULL,
	`instrument_version_id` text NOT NULL,
	`submitted_at` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assignment_id`) REFERENCES `assessment_assignments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`asesor_id`) REFERENCES `asesors`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`instrument_version_id`) REFERENCES `instrument_versions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `score_sheets_assignment_idx` ON `score_sheets` (`assignment_id`);--> statement-breakpoint
CREATE INDEX `score_sheets_application_idx` ON `score_sheets` (`application_id`);--> statement-breakpoint
CREATE INDEX `score_sheets_tenant_idx` ON `score_sheets` (`tenant_id`);--> statement-breakpoint
ALTER TABLE `documents` ADD `assignment_id` text REFERENCES assessment_assignments(id);--> statement-breakpoint
ALTER TABLE `documents` ADD `capture` text;--> statement-breakpoint
CREATE INDEX `documents_assignment_idx` ON `documents` (`assignment_id`);--> statement-breakpoint
ALTER TABLE `uploads` ADD `assignment_id` text REFERENCES assessment_assignments(id);--> statement-breakpoint
ALTER TABLE `uploads` ADD `capture` text;