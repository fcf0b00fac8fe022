CREATE TABLE `improvement_evidence` (
	`item_id` text NOT NULL,
	`document_id` text NOT NULL,
	`tenant_id` text NOT NULL,
	`linked_at` text NOT NULL,
	PRIMARY KEY(`item_id`, `document_id`),
	FOREIGN KEY (`item_id`) REFERENCES `improvement_items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `improvement_items` (
	`id` text PRIMARY KEY NOT NULL,
	`plan_id` text NOT NULL,
	`tenant_id` text NOT NULL,
	`lks_id` text NOT NULL,
	`position` integer NOT NULL,
	`kind` text NOT NULL,
	`text` text NOT NULL,
	`due_on` text NOT NULL,
	`state` text NOT NULL,
	`note` text,
	`answered_at` text,
	`answered_by` text,
	`review_reason` text,
	`reviewed_at` text,
	`reviewed_by` text,
	`reviewed_as` text,
	`version` integer NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `improvement_plans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lks_id`) REFERENCES `lks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`answered_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `improvement_items_plan_position_unique` ON `improvement_items` (`plan_id`,`position`);--> statement-breakpoint
CREATE INDEX `improvement_items_state_due_idx` ON `improvement_items` (`state`,`due_on`);--> statement-breakpoint
CREATE TABLE `improvement_plans` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`application_id` text NOT NULL,
	`lks_id` text NOT NULL,
	`decision_id` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lks_id`) REFERENCES `lks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decision_id`) REFERENCES `accreditation_decisions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `improvement_plans_application_unique` ON `improvement_plans` (`application_id`);--> statement-breakpoint
CREATE INDEX `improvement_plans_tenant_idx` ON `improvement_plans` (`tenant_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `improvement_reminders` (
	`item_id` text NOT NULL,
	`stage` text NOT NULL,
	`sent_at` text NOT NULL,
	PRIMARY KEY(`item_id`, `stage`),
	FOREIGN KEY (`item_id`) REFERENCES `improvement_items`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `supervision_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`correction_days` integer NOT NULL,
	`plan_days` integer NOT NULL,
	`remind_before_days` integer NOT NULL,
	`escalate_dinsos_after_days` integer NOT NULL,
	`escalate_balks_after_days` integer NOT NULL,
	`version` integer NOT NULL,
	`updated_by` text,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
-- The defaults (TJC: evidence of correction within 60 days; CARF: an improvement plan within 90); BALKS changes them.
INSERT INTO `supervision_settings` (`id`, `correction_days`, `plan_days`, `remind_before_days`, `escalate_dinsos_after_days`, `escalate_balks_after_days`, `version`, `updated_at`) VALUES (1, 60, 90, 7, 7, 30, 1, '2026-12-05T00:00:00.000Z');
