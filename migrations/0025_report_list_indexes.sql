CREATE INDEX `application_events_step_at_idx` ON `application_events` (`to_step`,`at`);--> statement-breakpoint
CREATE INDEX `application_events_action_at_idx` ON `application_events` (`action`,`at`);--> statement-breakpoint
CREATE INDEX `applications_waiting_idx` ON `applications` (`step`,`step_entered_at`,`id`) WHERE open = 1;--> statement-breakpoint
CREATE INDEX `report_lks_category_name_idx` ON `report_lks` (`category`,`name`,`lks_id`);--> statement-breakpoint
CREATE INDEX `report_lks_province_name_idx` ON `report_lks` (`province_code`,`name`,`lks_id`);