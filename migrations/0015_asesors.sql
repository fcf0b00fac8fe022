CREATE TABLE `asesor_affiliations` (
	`id` text PRIMARY KEY NOT NULL,
	`asesor_id` text NOT NULL,
	`kind` text NOT NULL,
	`lks_id` text,
	`organisation` text,
	`from_date` text NOT NULL,
	`to_date` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`asesor_id`) REFERENCES `asesors`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lks_id`) REFERENCES `lks`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `asesor_affiliations_asesor_idx` ON `asesor_affiliations` (`asesor_id`);--> statement-breakpoint
CREATE TABLE `asesors` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`phone` text,
	`province_code` text NOT NULL,
	`kab_kota_code` text NOT NULL,
	`background` text NOT NULL,
	`lks_types` text NOT NULL,
	`qualifications` text NOT NULL,
	`active` integer NOT NULL,
	`version` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `asesors_email_unique` ON `asesors` (`email`);--> statement-breakpoint
CREATE INDEX `asesors_name_idx` ON `asesors` (`name`,`id`);--> statement-breakpoint
CREATE INDEX `asesors_user_idx` ON `asesors` (`user_id`);--> statement-breakpoint
CREATE TABLE `assessment_assignments` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`application_id` text NOT NULL,
	`asesor_id` text NOT NULL,
	`role` text NOT NULL,
	`status` text NOT NULL,
	`decline_reason` text,
	`declaration` text,
	`declared_at` text,
	`assigned_by` text NOT NULL,
	`assigned_at` text NOT NULL,
	`responded_at` text,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`asesor_id`) REFERENCES `asesors`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assigned_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `assessment_assignments_app_asesor_idx` ON `assessment_assignments` (`application_id`,`asesor_id`);--> statement-breakpoint
CREATE INDEX `assessment_assignments_asesor_idx` ON `assessment_assignments` (`asesor_id`,`status`);--> statement-breakpoint
CREATE INDEX `assessment_assignments_tenant_idx` ON `assessment_assignments` (`tenant_id`);