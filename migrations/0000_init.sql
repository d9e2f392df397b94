CREATE TABLE "absences" (
	"id" serial PRIMARY KEY NOT NULL,
	"person_id" integer NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"substitute_id" integer,
	"note" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "accounts" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"channel" text NOT NULL,
	"external_id" text NOT NULL,
	"url" text,
	"responsible_id" integer,
	"substitute_id" integer,
	"manager_id" integer,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"inquiry_id" bigint NOT NULL,
	"type" text NOT NULL,
	"actor" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inquiries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" text,
	"account_id" integer,
	"source" text NOT NULL,
	"channel" text NOT NULL,
	"account_external_id" text NOT NULL,
	"external_id" text NOT NULL,
	"author_id" text,
	"author_name" text,
	"author_handle" text,
	"text" text,
	"url" text,
	"in_reply_to" text,
	"received_at" timestamp with time zone NOT NULL,
	"deadline" timestamp with time zone,
	"allowed_minutes" integer,
	"state" text NOT NULL,
	"assignee_id" integer,
	"answered_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"close_reason" text,
	"registered" boolean DEFAULT false NOT NULL,
	"case_number" text,
	"personal_data" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"removed" boolean DEFAULT false NOT NULL,
	"removed_reason" text,
	"raw" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organizations" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"timezone" text NOT NULL,
	"language" text NOT NULL,
	"policy_yaml" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" serial PRIMARY KEY NOT NULL,
	"org_id" text NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"title" text,
	"role" text NOT NULL,
	"language" text,
	"email" text,
	"slack_user_id" text,
	"teams_user_id" text,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
ALTER TABLE "absences" ADD CONSTRAINT "absences_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "absences" ADD CONSTRAINT "absences_substitute_id_people_id_fk" FOREIGN KEY ("substitute_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_responsible_id_people_id_fk" FOREIGN KEY ("responsible_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_substitute_id_people_id_fk" FOREIGN KEY ("substitute_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_manager_id_people_id_fk" FOREIGN KEY ("manager_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_inquiry_id_inquiries_id_fk" FOREIGN KEY ("inquiry_id") REFERENCES "public"."inquiries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_assignee_id_people_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "absences_person" ON "absences" USING btree ("person_id","starts_at");--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_org_key" ON "accounts" USING btree ("org_id","key");--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_channel_external" ON "accounts" USING btree ("channel","external_id");--> statement-breakpoint
CREATE INDEX "events_inquiry" ON "events" USING btree ("inquiry_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "inquiries_idempotency" ON "inquiries" USING btree ("channel","account_external_id","external_id");--> statement-breakpoint
CREATE INDEX "inquiries_org_state_deadline" ON "inquiries" USING btree ("org_id","state","deadline");--> statement-breakpoint
CREATE INDEX "inquiries_account" ON "inquiries" USING btree ("account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "people_org_key" ON "people" USING btree ("org_id","key");