CREATE TABLE "arc_presets" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"distribution" jsonb NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "arc_presets_name_unique" UNIQUE("name")
);
--> statement-breakpoint
CREATE TABLE "template_tests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"template_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"slot" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"prompt" text NOT NULL,
	"status" text NOT NULL,
	"turns" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"quality_score" real,
	"quality_breakdown" jsonb,
	"provider" text NOT NULL,
	"model" text NOT NULL,
	"cost_usd" double precision,
	"duration_ms" integer,
	"error_message" text,
	"kept_conversation_id" uuid,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "edge_case_suggestion_marks" (
	"key" text PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	"marked_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "edge_cases" ADD COLUMN "origin" text DEFAULT 'manual' NOT NULL;--> statement-breakpoint
ALTER TABLE "edge_cases" ADD COLUMN "created_by" text;--> statement-breakpoint
ALTER TABLE "scenarios" ADD COLUMN "tags" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "scenarios" ADD COLUMN "origin" text DEFAULT 'manual' NOT NULL;--> statement-breakpoint
ALTER TABLE "scenarios" ADD COLUMN "created_by" text;--> statement-breakpoint
ALTER TABLE "template_tests" ADD CONSTRAINT "template_tests_template_id_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."templates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "template_tests" ADD CONSTRAINT "template_tests_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "template_tests_template_idx" ON "template_tests" USING btree ("template_id","version");--> statement-breakpoint
UPDATE "edge_cases" SET "origin" = 'default' WHERE "key" IN (SELECT "key" FROM "installed_defaults" WHERE "kind" = 'edge_case');--> statement-breakpoint
UPDATE "edge_cases" SET "origin" = 'demo' WHERE "origin" = 'manual' AND "key" IS NOT NULL;--> statement-breakpoint
UPDATE "scenarios" SET "origin" = 'demo' WHERE "key" IS NOT NULL;
