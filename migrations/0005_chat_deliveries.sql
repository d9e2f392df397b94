CREATE TABLE "chat_deliveries" (
	"platform" text NOT NULL,
	"key" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	CONSTRAINT "chat_deliveries_platform_key_pk" PRIMARY KEY("platform","key")
);
--> statement-breakpoint
CREATE INDEX "chat_deliveries_received" ON "chat_deliveries" USING btree ("received_at");