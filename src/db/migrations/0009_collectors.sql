CREATE TYPE "public"."collector_kind" AS ENUM('widget', 'kiosk');--> statement-breakpoint
CREATE TABLE "collectors" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" "collector_kind" NOT NULL,
	"name" text NOT NULL,
	"public_key" text NOT NULL,
	"survey_id" uuid NOT NULL,
	"touchpoint_id" uuid,
	"unit_id" uuid,
	"allowed_origins" text[] DEFAULT '{}'::text[] NOT NULL,
	"triggers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"frequency_days" integer DEFAULT 30 NOT NULL,
	"reset_seconds" integer DEFAULT 8 NOT NULL,
	"disabled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "collectors_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "collectors_org_public_key" UNIQUE("org_id","public_key"),
	CONSTRAINT "collectors_frequency_days" CHECK ("collectors"."frequency_days" between 0 and 3650),
	CONSTRAINT "collectors_reset_seconds" CHECK ("collectors"."reset_seconds" between 2 and 300)
);
--> statement-breakpoint
CREATE TABLE "widget_visitors" (
	"org_id" uuid NOT NULL,
	"collector_id" uuid NOT NULL,
	"visitor_id" text NOT NULL,
	"shown_at" timestamp with time zone NOT NULL,
	CONSTRAINT "widget_visitors_org_id_collector_id_visitor_id_pk" PRIMARY KEY("org_id","collector_id","visitor_id")
);
--> statement-breakpoint
ALTER TABLE "collectors" ADD CONSTRAINT "collectors_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collectors" ADD CONSTRAINT "collectors_org_id_survey_id_surveys_org_id_id_fk" FOREIGN KEY ("org_id","survey_id") REFERENCES "public"."surveys"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collectors" ADD CONSTRAINT "collectors_org_id_touchpoint_id_touchpoints_org_id_id_fk" FOREIGN KEY ("org_id","touchpoint_id") REFERENCES "public"."touchpoints"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collectors" ADD CONSTRAINT "collectors_org_id_unit_id_units_org_id_id_fk" FOREIGN KEY ("org_id","unit_id") REFERENCES "public"."units"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "widget_visitors" ADD CONSTRAINT "widget_visitors_org_id_collector_id_collectors_org_id_id_fk" FOREIGN KEY ("org_id","collector_id") REFERENCES "public"."collectors"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "collectors_public_key" ON "collectors" USING btree ("public_key");