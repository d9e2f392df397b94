ALTER TABLE "inquiries" ADD COLUMN "forwarded" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "inquiries_active_deadline" ON "inquiries" USING btree ("org_id","deadline","id") WHERE state in ('open', 'claimed', 'forwarded');--> statement-breakpoint
UPDATE "inquiries" SET "forwarded" = true WHERE "id" IN (SELECT "inquiry_id" FROM "events" WHERE "type" = 'forwarded');--> statement-breakpoint
-- the reports group answers by account and whole minute; without these statistics the planner guesses
-- a million groups, sorts instead of hashing, and does not run the aggregate in parallel
CREATE STATISTICS IF NOT EXISTS "inquiries_account_answer_minute" (ndistinct) ON "account_id", ("answer_working_ms" / 60000) FROM "inquiries";--> statement-breakpoint
CREATE STATISTICS IF NOT EXISTS "inquiries_account_assignee_reason" (ndistinct) ON "account_id", "assignee_id", "removed_reason" FROM "inquiries";
