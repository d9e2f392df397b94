ALTER TABLE "inquiries" ADD COLUMN "answered_on_time" boolean;--> statement-breakpoint
ALTER TABLE "inquiries" ADD COLUMN "answer_working_ms" bigint;--> statement-breakpoint
CREATE INDEX "events_type_at" ON "events" USING btree ("type","at");--> statement-breakpoint
CREATE INDEX "inquiries_org_received" ON "inquiries" USING btree ("org_id","received_at");