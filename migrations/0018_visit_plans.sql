CREATE TABLE `visit_companions` (
	`application_id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`companions` text NOT NULL,
	`version` integer NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `visit_plan_stops` (
	`plan_id` text NOT NULL,
	`application_id` text NOT NULL,
	`tenant_id` text NOT NULL,
	`visit_date` text NOT NULL,
	`position` integer NOT NULL,
	`active` integer NOT NULL,
	PRIMARY KEY(`plan_id`, `application_id`),
	FOREIGN KEY (`plan_id`) REFERENCES `visit_plans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `visit_plan_stops_one_active` ON `visit_plan_stops` (`application_id`) WHERE active = 1;--> statement-breakpoint
CREATE INDEX `visit_plan_stops_tenant_idx` ON `visit_plan_stops` (`tenant_id`);--> statement-breakpoint
CREATE TABLE `visit_plans` (
	`id` text PRIMARY KEY NOT NULL,
	`status` text NOT NULL,
	`notes` text,
	`starts_on` text NOT NULL,
	`ends_on` text NOT NULL,
	`cancel_reason` text,
	`version` integer NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `visit_plans_starts_idx` ON `visit_plans` (`status`,`starts_on`,`id`);