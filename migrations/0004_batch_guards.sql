CREATE TABLE `batch_guards` (
	`ok` integer NOT NULL,
	CONSTRAINT "batch_guards_never" CHECK("batch_guards"."ok" = 1)
);
