ALTER TABLE "run_items" ADD COLUMN "batch_id" text;--> statement-breakpoint
ALTER TABLE "run_items" ADD COLUMN "reserved_usd" double precision DEFAULT 0 NOT NULL;