ALTER TABLE "run_items" ALTER COLUMN "conversation_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "run_items" ADD COLUMN "chunk_id" uuid;--> statement-breakpoint
ALTER TABLE "run_items" ADD CONSTRAINT "run_items_chunk_id_chunks_id_fk" FOREIGN KEY ("chunk_id") REFERENCES "public"."chunks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "run_items_one_active_per_chunk" ON "run_items" USING btree ("chunk_id") WHERE status in ('pending', 'in_progress');--> statement-breakpoint
ALTER TABLE "run_items" ADD CONSTRAINT "run_items_one_subject" CHECK (num_nonnulls("run_items"."conversation_id", "run_items"."chunk_id") = 1);