ALTER TABLE "inquiries" ADD COLUMN "answered_on_time" boolean;--> statement-breakpoint
ALTER TABLE "inquiries" ADD COLUMN "answer_working_ms" bigint;--> statement-breakpoint
CREATE INDEX "events_type_at" ON "events" USING btree ("type","at");--> statement-breakpoint
CREATE INDEX "inquiries_org_received" ON "inquiries" USING btree ("org_id","received_at");--> statement-breakpoint
CREATE INDEX "inquiries_unmeasured" ON "inquiries" USING btree ("org_id") WHERE state = 'answered' and answer_working_ms is null;--> statement-breakpoint
CREATE INDEX "inquiries_erasable" ON "inquiries" USING btree ("org_id",coalesce(closed_at, answered_at)) WHERE erased_at is null and registered = false and state in ('answered', 'closed');