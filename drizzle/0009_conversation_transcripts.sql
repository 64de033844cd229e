CREATE TABLE "conversation_transcripts" (
	"conversation_id" uuid PRIMARY KEY NOT NULL,
	"turns" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "conversation_transcripts" ADD CONSTRAINT "conversation_transcripts_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- The transcripts of the conversations already stored; from now on the code that stores turns
-- writes them (see the schema).
INSERT INTO conversation_transcripts (conversation_id, turns)
SELECT conversation_id, json_agg(json_build_object('role', role, 'content', content) ORDER BY turn_number)::text
  FROM conversation_turns
 GROUP BY conversation_id;
