CREATE TABLE "touchpoint_events" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"touchpoint_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"employee_id" uuid,
	"unit_id" uuid,
	"attributes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"idempotency_key" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "touchpoint_events_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "touchpoint_events_org_idempotency" UNIQUE("org_id","idempotency_key")
);
--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "time_zone" text;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "consent_survey_email" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "consent_survey_sms" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "consent_withdrawn_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "operational" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
CREATE INDEX "touchpoint_events_org_received" ON "touchpoint_events" USING btree ("org_id","received_at","id");--> statement-breakpoint
CREATE INDEX "touchpoint_events_org_contact" ON "touchpoint_events" USING btree ("org_id","contact_id","occurred_at");--> statement-breakpoint
CREATE INDEX "contacts_org_email" ON "contacts" USING btree ("org_id",lower("email"));