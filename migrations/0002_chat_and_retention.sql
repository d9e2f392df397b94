CREATE TABLE "chat_conversations" (
	"platform" text NOT NULL,
	"user_id" text NOT NULL,
	"reference" jsonb NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "chat_conversations_platform_user_id_pk" PRIMARY KEY("platform","user_id")
);
--> statement-breakpoint
ALTER TABLE "inquiries" ADD COLUMN "erased_at" timestamp with time zone;