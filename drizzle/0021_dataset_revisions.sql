CREATE TABLE "dataset_revisions" (
	"backend_pid" integer PRIMARY KEY NOT NULL,
	"writes" bigint NOT NULL
);--> statement-breakpoint
-- Every write statement to a table the dataset reports read adds one to its connection's row.
-- Statement triggers, not row triggers: a bulk action of 10,000 rows counts once per batch.
CREATE FUNCTION "count_dataset_write"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO dataset_revisions (backend_pid, writes) VALUES (pg_backend_pid(), 1)
    ON CONFLICT (backend_pid) DO UPDATE SET writes = dataset_revisions.writes + 1;
  RETURN NULL;
END;
$$;--> statement-breakpoint
CREATE TRIGGER "conversations_dataset_write" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "conversations" FOR EACH STATEMENT EXECUTE FUNCTION "count_dataset_write"();--> statement-breakpoint
CREATE TRIGGER "conversation_transcripts_dataset_write" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "conversation_transcripts" FOR EACH STATEMENT EXECUTE FUNCTION "count_dataset_write"();--> statement-breakpoint
CREATE TRIGGER "conversation_minhash_dataset_write" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "conversation_minhash" FOR EACH STATEMENT EXECUTE FUNCTION "count_dataset_write"();--> statement-breakpoint
CREATE TRIGGER "dimension_values_dataset_write" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "dimension_values" FOR EACH STATEMENT EXECUTE FUNCTION "count_dataset_write"();--> statement-breakpoint
CREATE TRIGGER "emotional_arcs_dataset_write" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "emotional_arcs" FOR EACH STATEMENT EXECUTE FUNCTION "count_dataset_write"();--> statement-breakpoint
CREATE TRIGGER "documents_dataset_write" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "documents" FOR EACH STATEMENT EXECUTE FUNCTION "count_dataset_write"();--> statement-breakpoint
CREATE TRIGGER "chunks_dataset_write" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "chunks" FOR EACH STATEMENT EXECUTE FUNCTION "count_dataset_write"();--> statement-breakpoint
CREATE TRIGGER "coverage_dismissals_dataset_write" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "coverage_dismissals" FOR EACH STATEMENT EXECUTE FUNCTION "count_dataset_write"();--> statement-breakpoint
CREATE TRIGGER "workspace_settings_dataset_write" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "workspace_settings" FOR EACH STATEMENT EXECUTE FUNCTION "count_dataset_write"();
