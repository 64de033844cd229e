ALTER TABLE "review_logs" ADD COLUMN "action_id" text;--> statement-breakpoint
ALTER TABLE "review_logs" ADD COLUMN "previous_review" jsonb;--> statement-breakpoint
CREATE INDEX "review_logs_action_idx" ON "review_logs" USING btree ("action_id");