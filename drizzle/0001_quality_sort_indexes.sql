DROP INDEX "conversations_quality_idx";--> statement-breakpoint
CREATE INDEX "conversations_quality_desc_idx" ON "conversations" USING btree ("quality_score" DESC NULLS LAST,"conversation_id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "conversations_quality_idx" ON "conversations" USING btree ("quality_score","conversation_id");