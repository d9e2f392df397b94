CREATE TABLE "jobs" (
	"key" text PRIMARY KEY NOT NULL,
	"claimed_by" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "reminders" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"inquiry_id" bigint NOT NULL,
	"org_id" text,
	"kind" text NOT NULL,
	"role" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"claimed_by" text,
	"claimed_until" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"delivered_to" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"last_error" text
);
--> statement-breakpoint
ALTER TABLE "reminders" ADD CONSTRAINT "reminders_inquiry_id_inquiries_id_fk" FOREIGN KEY ("inquiry_id") REFERENCES "public"."inquiries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "reminders_key" ON "reminders" USING btree ("inquiry_id","kind","role");--> statement-breakpoint
CREATE INDEX "reminders_due" ON "reminders" USING btree ("next_attempt_at") WHERE status = 'pending';