CREATE TABLE "installed_defaults" (
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "installed_defaults_pk" PRIMARY KEY("kind","key")
);
