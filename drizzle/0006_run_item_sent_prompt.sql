ALTER TABLE "run_items" ADD COLUMN "sent_prompt" text;--> statement-breakpoint
ALTER TABLE "run_items" ADD COLUMN "sent_template_version" integer;