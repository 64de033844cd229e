CREATE TABLE "conversation_transcripts" (
	"conversation_id" uuid PRIMARY KEY NOT NULL,
	"turns" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "conversation_transcripts" ADD CONSTRAINT "conversation_transcripts_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Rebuilds the transcripts of the given conversations from their turns: one JSON text per
-- conversation with turns, none for a conversation without.
CREATE FUNCTION "refresh_conversation_transcripts"(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM conversation_transcripts x
   WHERE x.conversation_id = ANY(ids)
     AND NOT EXISTS (SELECT 1 FROM conversation_turns t WHERE t.conversation_id = x.conversation_id);
  INSERT INTO conversation_transcripts (conversation_id, turns)
  SELECT t.conversation_id, json_agg(json_build_object('role', t.role, 'content', t.content) ORDER BY t.turn_number)::text
    FROM conversation_turns t
   WHERE t.conversation_id = ANY(ids)
   GROUP BY t.conversation_id
  ON CONFLICT (conversation_id) DO UPDATE SET turns = EXCLUDED.turns;
$$;
--> statement-breakpoint
-- One run per statement, not per row: storing a conversation's twelve turns rebuilds its
-- transcript once. PostgreSQL allows transition tables only on single-event triggers, hence three.
CREATE FUNCTION "conversation_turns_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM refresh_conversation_transcripts(ARRAY(SELECT DISTINCT conversation_id FROM new_turns));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM refresh_conversation_transcripts(ARRAY(SELECT DISTINCT conversation_id FROM old_turns));
  ELSE
    PERFORM refresh_conversation_transcripts(ARRAY(SELECT conversation_id FROM old_turns UNION SELECT conversation_id FROM new_turns));
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "conversation_turns_inserted" AFTER INSERT ON "conversation_turns"
  REFERENCING NEW TABLE AS new_turns FOR EACH STATEMENT EXECUTE FUNCTION conversation_turns_changed();
--> statement-breakpoint
CREATE TRIGGER "conversation_turns_updated" AFTER UPDATE ON "conversation_turns"
  REFERENCING OLD TABLE AS old_turns NEW TABLE AS new_turns FOR EACH STATEMENT EXECUTE FUNCTION conversation_turns_changed();
--> statement-breakpoint
CREATE TRIGGER "conversation_turns_deleted" AFTER DELETE ON "conversation_turns"
  REFERENCING OLD TABLE AS old_turns FOR EACH STATEMENT EXECUTE FUNCTION conversation_turns_changed();
--> statement-breakpoint
-- The transcripts of the conversations already stored.
INSERT INTO conversation_transcripts (conversation_id, turns)
SELECT conversation_id, json_agg(json_build_object('role', role, 'content', content) ORDER BY turn_number)::text
  FROM conversation_turns
 GROUP BY conversation_id;
