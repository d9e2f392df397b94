-- Issue 11 (storage):
--  - deliveries: the exact bytes of each webhook delivery that created inquiries (the archive, since text and
--    jsonb hold U+FFFD where PostgreSQL cannot hold a character), referenced from those inquiries;
--  - jobs.finished_at: a once-per-period job claimed but never finished (its instance died, the database went
--    away midway) can be claimed again after the job lease.
CREATE TABLE "deliveries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"body" "bytea",
	"erased_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "inquiries" ADD COLUMN "delivery_id" bigint;--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "finished_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_delivery_id_deliveries_id_fk" FOREIGN KEY ("delivery_id") REFERENCES "public"."deliveries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- hand-written back-fill: jobs claimed before this migration ran to their end (or are long past): finished
UPDATE "jobs" SET "finished_at" = "created_at" WHERE "finished_at" IS NULL;
