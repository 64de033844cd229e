CREATE TABLE "conversation_minhash" (
	"conversation_id" uuid PRIMARY KEY NOT NULL,
	"signature" integer[] NOT NULL,
	"band_keys" text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "conversation_token_counts" (
	"conversation_id" uuid NOT NULL,
	"base_model" text NOT NULL,
	"tokens" integer,
	"assistant_tokens" integer,
	"refused_reason" text,
	"content_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conversation_token_counts_conversation_id_base_model_pk" PRIMARY KEY("conversation_id","base_model")
);
--> statement-breakpoint
CREATE TABLE "coverage_dismissals" (
	"key" text PRIMARY KEY NOT NULL,
	"dismissed_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "near_duplicate_of" uuid;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "near_duplicate_similarity" real;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "grounding" jsonb;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "judge_score" real;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "judge_breakdown" jsonb;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "regenerated_from" uuid;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "regeneration_guidance" text;--> statement-breakpoint
ALTER TABLE "conversation_minhash" ADD CONSTRAINT "conversation_minhash_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_token_counts" ADD CONSTRAINT "conversation_token_counts_conversation_id_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."conversations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coverage_dismissals" ADD CONSTRAINT "coverage_dismissals_dismissed_by_user_id_fk" FOREIGN KEY ("dismissed_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "conversation_minhash_bands_idx" ON "conversation_minhash" USING gin ("band_keys");--> statement-breakpoint
CREATE INDEX "conversation_token_counts_model_tokens_idx" ON "conversation_token_counts" USING btree ("base_model","tokens");--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_near_duplicate_of_conversations_id_fk" FOREIGN KEY ("near_duplicate_of") REFERENCES "public"."conversations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_regenerated_from_conversations_id_fk" FOREIGN KEY ("regenerated_from") REFERENCES "public"."conversations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "conversations_near_duplicate_idx" ON "conversations" USING btree ("near_duplicate_of");--> statement-breakpoint
CREATE INDEX "conversations_regenerated_from_idx" ON "conversations" USING btree ("regenerated_from");