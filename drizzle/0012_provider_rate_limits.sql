CREATE TABLE "provider_rate_limits" (
	"provider" text NOT NULL,
	"account" text NOT NULL,
	"model" text NOT NULL,
	"requests_per_minute" integer,
	"input_tokens_per_minute" integer,
	"output_tokens_per_minute" integer,
	"tokens_per_minute" integer,
	"observed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "provider_rate_limits_provider_account_model_pk" PRIMARY KEY("provider","account","model")
);
--> statement-breakpoint
-- The default is now to learn the limits from the provider. A workspace whose tier 1 preset was
-- only the old default (its history never records anyone choosing it) learns from now on; one
-- where an admin chose tier 1 keeps it.
UPDATE "workspace_settings"
   SET "values" = jsonb_set("values", '{generation,rateLimitPreset}', '"learn"')
 WHERE "values" #>> '{generation,rateLimitPreset}' = 'anthropic-tier-1'
   AND NOT EXISTS (SELECT 1 FROM "settings_history" WHERE "key" = 'generation.rateLimitPreset' AND "new_value" = '"anthropic-tier-1"'::jsonb);
--> statement-breakpoint
-- Connection failures have their own kind now; they used to be recorded as server errors.
UPDATE "generation_logs" SET "error_kind" = 'network' WHERE "error_kind" = 'server' AND "http_status" IS NULL AND "error_message" LIKE 'Could not reach the provider%';
--> statement-breakpoint
UPDATE "run_items" SET "error_code" = 'network' WHERE "error_code" = 'server' AND "last_error" LIKE 'Could not reach the provider%';
--> statement-breakpoint
UPDATE "conversations" SET "error_code" = 'network' WHERE "error_code" = 'server' AND "error_message" LIKE 'Could not reach the provider%';
