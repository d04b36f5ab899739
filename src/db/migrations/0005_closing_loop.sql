CREATE TABLE "board_report_schedules" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"recipients" text[] NOT NULL,
	"language" text DEFAULT 'fi' NOT NULL,
	"day_of_month" smallint DEFAULT 1 NOT NULL,
	"hour" smallint DEFAULT 7 NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"last_sent_period" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "board_report_schedules_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "board_report_day" CHECK ("board_report_schedules"."day_of_month" between 1 and 28),
	CONSTRAINT "board_report_hour" CHECK ("board_report_schedules"."hour" between 0 and 23)
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "resurvey_invitation_id" uuid;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "follow_up_response_id" uuid;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "follow_up_score" smallint;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "follow_up_solved" boolean;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "recovered" boolean;--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "resurvey_survey_id" uuid;--> statement-breakpoint
ALTER TABLE "board_report_schedules" ADD CONSTRAINT "board_report_schedules_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cases_org_contact" ON "cases" USING btree ("org_id","contact_id");