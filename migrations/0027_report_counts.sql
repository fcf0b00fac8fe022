CREATE TABLE `report_counts` (
	`level` text NOT NULL,
	`area_code` text NOT NULL,
	`province_code` text NOT NULL,
	`lks_type` text NOT NULL,
	`category` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`level`, `area_code`, `lks_type`, `category`)
);
--> statement-breakpoint
CREATE INDEX `report_counts_province_idx` ON `report_counts` (`province_code`,`level`,`area_code`,`lks_type`,`category`,`n`);--> statement-breakpoint
-- The counts of the roll-up rows already computed, so the dashboard need not wait for every tenant's next refresh.
INSERT INTO `report_counts` (`level`, `area_code`, `province_code`, `lks_type`, `category`, `n`)
SELECT 'regency', `region_code`, `province_code`, `lks_type`, `category`, count(*) FROM `report_lks`
GROUP BY `province_code`, `region_code`, `lks_type`, `category`;--> statement-breakpoint
INSERT INTO `report_counts` (`level`, `area_code`, `province_code`, `lks_type`, `category`, `n`)
SELECT 'province', `province_code`, `province_code`, `lks_type`, `category`, count(*) FROM `report_lks`
GROUP BY `province_code`, `lks_type`, `category`;
