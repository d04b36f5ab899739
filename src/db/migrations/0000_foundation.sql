CREATE TYPE "public"."channel" AS ENUM('web', 'email', 'sms', 'phone', 'chat', 'app', 'store', 'field', 'kiosk', 'mail', 'social', 'other');--> statement-breakpoint
CREATE TYPE "public"."question_type" AS ENUM('nps', 'csat', 'ces', 'likert7', 'rating', 'single_choice', 'multi_choice', 'text');--> statement-breakpoint
CREATE TYPE "public"."response_source" AS ENUM('web', 'api', 'import', 'kiosk', 'widget', 'email', 'demo');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('admin', 'analyst', 'unit_manager', 'frontline', 'viewer');--> statement-breakpoint
CREATE TYPE "public"."stage_phase" AS ENUM('before', 'during', 'after');--> statement-breakpoint
CREATE TYPE "public"."survey_kind" AS ENUM('strategic', 'pulse', 'adhoc');--> statement-breakpoint
CREATE TYPE "public"."survey_status" AS ENUM('draft', 'active', 'closed');--> statement-breakpoint
CREATE TYPE "public"."touchpoint_mode" AS ENUM('active', 'passive');--> statement-breakpoint
CREATE TABLE "answers" (
	"org_id" uuid NOT NULL,
	"response_id" uuid NOT NULL,
	"question_id" uuid NOT NULL,
	"number" double precision,
	"choice" text,
	"choices" text[],
	"text" text,
	"dont_know" boolean DEFAULT false NOT NULL,
	CONSTRAINT "answers_org_id_response_id_question_id_pk" PRIMARY KEY("org_id","response_id","question_id"),
	CONSTRAINT "answers_one_value" CHECK ((
    ("answers"."number" is not null)::int + ("answers"."choice" is not null)::int + ("answers"."choices" is not null)::int
    + ("answers"."text" is not null)::int + "answers"."dont_know"::int) = 1)
);
--> statement-breakpoint
CREATE TABLE "api_keys" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"key_hash" text NOT NULL,
	"scopes" text[] NOT NULL,
	"created_by" uuid,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "api_keys_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "contacts" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"external_id" text,
	"email" text,
	"phone" text,
	"name" text,
	"language" text,
	"segment" text,
	"persona" text,
	"cohort" smallint NOT NULL,
	"attributes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contacts_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "contacts_org_external" UNIQUE("org_id","external_id"),
	CONSTRAINT "contacts_cohort_range" CHECK ("contacts"."cohort" between 0 and 3)
);
--> statement-breakpoint
CREATE TABLE "employees" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"name" text NOT NULL,
	"external_id" text,
	"user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "employees_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "employees_org_external" UNIQUE("org_id","external_id")
);
--> statement-breakpoint
CREATE TABLE "invitations" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"token" text NOT NULL,
	"survey_id" uuid NOT NULL,
	"contact_id" uuid,
	"touchpoint_id" uuid,
	"unit_id" uuid,
	"employee_id" uuid,
	"channel" "channel" DEFAULT 'email' NOT NULL,
	"language" text,
	"sent_at" timestamp with time zone,
	"opened_at" timestamp with time zone,
	"answered_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invitations_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "invitations_org_token" UNIQUE("org_id","token")
);
--> statement-breakpoint
CREATE TABLE "journeys" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"persona" text,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "journeys_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "organizations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"slug" text NOT NULL,
	"default_language" text DEFAULT 'fi' NOT NULL,
	"time_zone" text DEFAULT 'Europe/Helsinki' NOT NULL,
	"min_group_size" integer DEFAULT 5 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organizations_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "questions" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"survey_id" uuid NOT NULL,
	"key" text NOT NULL,
	"position" integer NOT NULL,
	"type" "question_type" NOT NULL,
	"required" boolean DEFAULT false NOT NULL,
	"texts" jsonb NOT NULL,
	"options" jsonb,
	"scale_max" smallint,
	"allow_dont_know" boolean DEFAULT false NOT NULL,
	"is_driver" boolean DEFAULT false NOT NULL,
	"display_if" jsonb,
	CONSTRAINT "questions_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "questions_survey_key" UNIQUE("org_id","survey_id","key")
);
--> statement-breakpoint
CREATE TABLE "responses" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"survey_id" uuid NOT NULL,
	"touchpoint_id" uuid,
	"channel" "channel",
	"unit_id" uuid,
	"employee_id" uuid,
	"contact_id" uuid,
	"invitation_id" uuid,
	"segment" text,
	"language" text NOT NULL,
	"source" "response_source" NOT NULL,
	"idempotency_key" text,
	"submitted_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "responses_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "responses_org_idempotency" UNIQUE("org_id","idempotency_key"),
	CONSTRAINT "responses_org_invitation" UNIQUE("org_id","invitation_id")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"org_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"user_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sessions_org_id_token_hash_pk" PRIMARY KEY("org_id","token_hash")
);
--> statement-breakpoint
CREATE TABLE "stages" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"journey_id" uuid NOT NULL,
	"name" text NOT NULL,
	"phase" "stage_phase" NOT NULL,
	"position" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stages_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "surveys" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" "survey_kind" NOT NULL,
	"status" "survey_status" DEFAULT 'active' NOT NULL,
	"default_language" text NOT NULL,
	"languages" text[] NOT NULL,
	"texts" jsonb NOT NULL,
	"touchpoint_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "surveys_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "touchpoints" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"journey_id" uuid NOT NULL,
	"stage_id" uuid NOT NULL,
	"name" text NOT NULL,
	"channel" "channel" NOT NULL,
	"mode" "touchpoint_mode" DEFAULT 'active' NOT NULL,
	"owner_unit_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "touchpoints_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "units" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"parent_id" uuid,
	"name" text NOT NULL,
	"kind" text DEFAULT 'unit' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "units_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text,
	"role" "role" NOT NULL,
	"unit_id" uuid,
	"language" text DEFAULT 'fi' NOT NULL,
	"disabled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "users_org_email" UNIQUE("org_id","email"),
	CONSTRAINT "unit_scoped_roles_have_unit" CHECK ("users"."role" not in ('unit_manager') or "users"."unit_id" is not null)
);
--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employees" ADD CONSTRAINT "employees_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employees" ADD CONSTRAINT "employees_org_id_unit_id_units_org_id_id_fk" FOREIGN KEY ("org_id","unit_id") REFERENCES "public"."units"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "employees" ADD CONSTRAINT "employees_org_id_user_id_users_org_id_id_fk" FOREIGN KEY ("org_id","user_id") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_org_id_survey_id_surveys_org_id_id_fk" FOREIGN KEY ("org_id","survey_id") REFERENCES "public"."surveys"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_org_id_contact_id_contacts_org_id_id_fk" FOREIGN KEY ("org_id","contact_id") REFERENCES "public"."contacts"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journeys" ADD CONSTRAINT "journeys_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questions" ADD CONSTRAINT "questions_org_id_survey_id_surveys_org_id_id_fk" FOREIGN KEY ("org_id","survey_id") REFERENCES "public"."surveys"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_org_id_user_id_users_org_id_id_fk" FOREIGN KEY ("org_id","user_id") REFERENCES "public"."users"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stages" ADD CONSTRAINT "stages_org_id_journey_id_journeys_org_id_id_fk" FOREIGN KEY ("org_id","journey_id") REFERENCES "public"."journeys"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_org_id_touchpoint_id_touchpoints_org_id_id_fk" FOREIGN KEY ("org_id","touchpoint_id") REFERENCES "public"."touchpoints"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "touchpoints" ADD CONSTRAINT "touchpoints_org_id_stage_id_stages_org_id_id_fk" FOREIGN KEY ("org_id","stage_id") REFERENCES "public"."stages"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "touchpoints" ADD CONSTRAINT "touchpoints_org_id_journey_id_journeys_org_id_id_fk" FOREIGN KEY ("org_id","journey_id") REFERENCES "public"."journeys"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "touchpoints" ADD CONSTRAINT "touchpoints_org_id_owner_unit_id_units_org_id_id_fk" FOREIGN KEY ("org_id","owner_unit_id") REFERENCES "public"."units"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_org_id_parent_id_units_org_id_id_fk" FOREIGN KEY ("org_id","parent_id") REFERENCES "public"."units"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_org_id_unit_id_units_org_id_id_fk" FOREIGN KEY ("org_id","unit_id") REFERENCES "public"."units"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "answers_org_question" ON "answers" USING btree ("org_id","question_id");--> statement-breakpoint
CREATE INDEX "invitations_token" ON "invitations" USING btree ("token");--> statement-breakpoint
CREATE INDEX "responses_org_time" ON "responses" USING btree ("org_id","submitted_at");--> statement-breakpoint
CREATE INDEX "responses_org_employee" ON "responses" USING btree ("org_id","employee_id");--> statement-breakpoint
CREATE INDEX "responses_org_touchpoint" ON "responses" USING btree ("org_id","touchpoint_id");--> statement-breakpoint
CREATE INDEX "responses_org_unit" ON "responses" USING btree ("org_id","unit_id");--> statement-breakpoint
CREATE INDEX "responses_org_survey" ON "responses" USING btree ("org_id","survey_id");--> statement-breakpoint
CREATE INDEX "stages_journey" ON "stages" USING btree ("org_id","journey_id","position");--> statement-breakpoint
CREATE INDEX "surveys_id" ON "surveys" USING btree ("id");--> statement-breakpoint
CREATE INDEX "users_email" ON "users" USING btree ("email");