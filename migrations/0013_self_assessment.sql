CREATE TABLE `indicator_evidence` (
	`tenant_id` text NOT NULL,
	`application_id` text NOT NULL,
	`indicator` text NOT NULL,
	`document_id` text NOT NULL,
	`linked_by` text,
	`linked_at` text NOT NULL,
	PRIMARY KEY(`application_id`, `indicator`, `document_id`),
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`linked_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `indicator_evidence_tenant_idx` ON `indicator_evidence` (`tenant_id`);--> statement-breakpoint
CREATE TABLE `self_assessment_answers` (
	`tenant_id` text NOT NULL,
	`application_id` text NOT NULL,
	`indicator` text NOT NULL,
	`level` integer,
	`note` text NOT NULL,
	`version` integer NOT NULL,
	`updated_by` text,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`application_id`, `indicator`),
	FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`application_id`) REFERENCES `applications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sa_answers_tenant_idx` ON `self_assessment_answers` (`tenant_id`);