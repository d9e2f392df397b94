ALTER TABLE "inquiries" ADD COLUMN "private_conversation" text;--> statement-breakpoint
CREATE INDEX "inquiries_conversation" ON "inquiries" USING btree ("channel","account_external_id","private_conversation") WHERE private_conversation is not null;--> statement-breakpoint
-- the private messages stored before: every Messenger message, and the X direct messages (a tweet always has a url, a DM never)
UPDATE "inquiries" SET "private_conversation" = "author_id" WHERE "author_id" IS NOT NULL AND ("channel" = 'messenger' OR ("channel" = 'x' AND "source" = 'x' AND "url" IS NULL));
