CREATE TABLE "pulse_outbox" (
	"org_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"enqueued_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pulse_outbox_org_id_event_id_pk" PRIMARY KEY("org_id","event_id")
);
--> statement-breakpoint
CREATE TABLE "pulse_rules" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"touchpoint_id" uuid NOT NULL,
	"survey_id" uuid NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"delay_minutes" integer DEFAULT 0 NOT NULL,
	"channels" text[] NOT NULL,
	"sampling_rate" double precision DEFAULT 1 NOT NULL,
	"quiet_start" text,
	"quiet_end" text,
	"expiry_hours" integer DEFAULT 168 NOT NULL,
	"reminder_days" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pulse_rules_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "pulse_rules_sampling" CHECK ("pulse_rules"."sampling_rate" > 0 and "pulse_rules"."sampling_rate" <= 1)
);
--> statement-breakpoint
CREATE TABLE "survey_waves" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"survey_id" uuid NOT NULL,
	"quarter" text NOT NULL,
	"cohort" smallint NOT NULL,
	"channels" text[] NOT NULL,
	"send_at" timestamp with time zone NOT NULL,
	"expiry_days" integer DEFAULT 30 NOT NULL,
	"reminder_days" integer,
	"launched_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_waves_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "survey_waves_org_survey_quarter" UNIQUE("org_id","survey_id","quarter"),
	CONSTRAINT "survey_waves_cohort_range" CHECK ("survey_waves"."cohort" between 0 and 3)
);
--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "unsubscribed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "rule_id" uuid;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "event_id" uuid;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "wave_id" uuid;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "status" text DEFAULT 'created' NOT NULL;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "skip_reason" text;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "send_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "claimed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "last_error" text;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "delivered_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "bounced_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "started_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "remind_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "reminded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "quarantine_days" integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE "pulse_rules" ADD CONSTRAINT "pulse_rules_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pulse_rules" ADD CONSTRAINT "pulse_rules_org_id_touchpoint_id_touchpoints_org_id_id_fk" FOREIGN KEY ("org_id","touchpoint_id") REFERENCES "public"."touchpoints"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pulse_rules" ADD CONSTRAINT "pulse_rules_org_id_survey_id_surveys_org_id_id_fk" FOREIGN KEY ("org_id","survey_id") REFERENCES "public"."surveys"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_waves" ADD CONSTRAINT "survey_waves_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_waves" ADD CONSTRAINT "survey_waves_org_id_survey_id_surveys_org_id_id_fk" FOREIGN KEY ("org_id","survey_id") REFERENCES "public"."surveys"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pulse_rules_org_touchpoint" ON "pulse_rules" USING btree ("org_id","touchpoint_id");--> statement-breakpoint
CREATE INDEX "survey_waves_due" ON "survey_waves" USING btree ("send_at") WHERE launched_at is null;--> statement-breakpoint
CREATE INDEX "invitations_org_contact_send" ON "invitations" USING btree ("org_id","contact_id","send_at");--> statement-breakpoint
CREATE INDEX "invitations_org_survey_created" ON "invitations" USING btree ("org_id","survey_id","created_at");--> statement-breakpoint
CREATE INDEX "invitations_due" ON "invitations" USING btree ("send_at") WHERE status = 'scheduled';--> statement-breakpoint
CREATE INDEX "invitations_reminders_due" ON "invitations" USING btree ("remind_at") WHERE remind_at is not null and reminded_at is null;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_org_contact_rule_event" UNIQUE("org_id","contact_id","rule_id","event_id");--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_org_wave_contact" UNIQUE("org_id","wave_id","contact_id");--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_status" CHECK ("invitations"."status" in ('created', 'scheduled', 'sending', 'delivered', 'bounced', 'failed', 'skipped', 'waiting'));