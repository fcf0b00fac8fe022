CREATE TABLE `blobs` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`sha256` text NOT NULL,
	`size` integer NOT NULL,
	`content_type` text NOT NULL,
	`r2_key` text NOT NULL,
	`page_count` integer,
	`thumbnail_key` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `blobs_tenant_sha` ON `blobs` (`tenant_id`,`sha256`);--> statement-breakpoint
CREATE TABLE `document_versions` (
	`document_id` text NOT NULL,
	`version` integer NOT NULL,
	`tenant_id` text NOT NULL,
	`blob_id` text NOT NULL,
	`filename` text NOT NULL,
	`upload_id` text,
	`uploaded_by` text,
	`uploaded_at` text NOT NULL,
	PRIMARY KEY(`document_id`, `version`),
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`blob_id`) REFERENCES `blobs`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`uploaded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `document_versions_upload_id_unique` ON `document_versions` (`upload_id`);--> statement-breakpoint
CREATE INDEX `document_versions_blob_idx` ON `document_versions` (`blob_id`);--> statement-breakpoint
CREATE TABLE `documents` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`lks_id` text NOT NULL,
	`application_id` text,
	`requirement` text,
	`indicator` text,
	`profile_field` text,
	`slot` text NOT NULL,
	`current_version` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lks_id`) REFERENCES `lks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `documents_slot` ON `documents` (`tenant_id`,`slot`);--> statement-breakpoint
CREATE INDEX `documents_application_idx` ON `documents` (`application_id`);--> statement-breakpoint
CREATE INDEX `documents_lks_idx` ON `documents` (`lks_id`);--> statement-breakpoint
CREATE TABLE `uploads` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`lks_id` text NOT NULL,
	`application_id` text,
	`requirement` text,
	`indicator` text,
	`profile_field` text,
	`filename` text NOT NULL,
	`declared_type` text NOT NULL,
	`length` integer NOT NULL,
	`sha256` text NOT NULL,
	`status` text NOT NULL,
	`document_id` text,
	`created_by` text,
	`created_at` text NOT NULL,
	`finished_at` text,
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lks_id`) REFERENCES `lks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `uploads_tenant_idx` ON `uploads` (`tenant_id`,`status`);