CREATE TABLE `application_events` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`application_id` text NOT NULL,
	`action` text NOT NULL,
	`from_step` text,
	`to_step` text NOT NULL,
	`actor_user_id` text,
	`comment` text,
	`items` text,
	`at` text NOT NULL,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `application_events_app_idx` ON `application_events` (`application_id`,`at`);--> statement-breakpoint
CREATE TABLE `applications` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`lks_id` text NOT NULL,
	`kind` text NOT NULL,
	`step` text NOT NULL,
	`workflow_version` integer NOT NULL,
	`open` integer NOT NULL,
	`letter` text NOT NULL,
	`profile_snapshot` text,
	`checklist` text NOT NULL,
	`return_items` text NOT NULL,
	`step_entered_at` text NOT NULL,
	`step_due_at` text,
	`submitted_at` text,
	`version` integer NOT NULL,
	`created_by` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lks_id`) REFERENCES `lks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `applications_one_open_per_lks` ON `applications` (`lks_id`) WHERE open = 1;--> statement-breakpoint
CREATE INDEX `applications_inbox_idx` ON `applications` (`tenant_id`,`step`,`step_due_at`);--> statement-breakpoint
CREATE TABLE `document_requirements` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`application_kind` text NOT NULL,
	`key` text NOT NULL,
	`name` text NOT NULL,
	`description` text NOT NULL,
	`required` integer NOT NULL,
	`accepted_types` text NOT NULL,
	`max_bytes` integer NOT NULL,
	`position` integer NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `document_requirements_key` ON `document_requirements` (`tenant_id`,`application_kind`,`key`);--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`tenant_id` text,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`link` text NOT NULL,
	`created_at` text NOT NULL,
	`read_at` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `notifications_user_idx` ON `notifications` (`user_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `sla_reminders` (
	`application_id` text NOT NULL,
	`step` text NOT NULL,
	`day` text NOT NULL,
	`escalated` integer NOT NULL,
	PRIMARY KEY(`application_id`, `step`, `day`),
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `workflow_drafts` (
	`tenant_id` text PRIMARY KEY NOT NULL,
	`regional` text NOT NULL,
	`base_version` integer NOT NULL,
	`updated_by` text,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `workflow_versions` (
	`tenant_id` text NOT NULL,
	`version` integer NOT NULL,
	`regional` text NOT NULL,
	`definition` text NOT NULL,
	`published_by` text,
	`published_at` text NOT NULL,
	PRIMARY KEY(`tenant_id`, `version`),
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`published_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
