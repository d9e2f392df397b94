ALTER TABLE "absences" ADD COLUMN "registered_by" integer;--> statement-breakpoint
ALTER TABLE "absences" ADD COLUMN "ended_by" integer;--> statement-breakpoint
ALTER TABLE "absences" ADD CONSTRAINT "absences_registered_by_people_id_fk" FOREIGN KEY ("registered_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "absences" ADD CONSTRAINT "absences_ended_by_people_id_fk" FOREIGN KEY ("ended_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;