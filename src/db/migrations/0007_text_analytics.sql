CREATE TABLE "feedback_texts" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"source" text NOT NULL,
	"external_id" text,
	"text" text NOT NULL,
	"language_hint" text,
	"occurred_at" timestamp with time zone NOT NULL,
	"contact_id" uuid,
	"unit_id" uuid,
	"touchpoint_id" uuid,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"language" text,
	"sentiment" text,
	"score" double precision,
	"topics" text[],
	"truncated" boolean,
	"warning" text,
	"taxonomy_version" integer,
	"analyser_version" text,
	"analysed_at" timestamp with time zone,
	CONSTRAINT "feedback_texts_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "feedback_texts_org_external" UNIQUE("org_id","external_id"),
	CONSTRAINT "feedback_texts_source" CHECK ("feedback_texts"."source" in ('complaint', 'chat', 'email', 'social', 'review', 'other')),
	CONSTRAINT "feedback_texts_sentiment" CHECK ("feedback_texts"."sentiment" is null or "feedback_texts"."sentiment" in ('positive', 'neutral', 'negative'))
);
--> statement-breakpoint
CREATE TABLE "text_analysis_state" (
	"org_id" uuid NOT NULL,
	"taxonomy_version" integer DEFAULT 1 NOT NULL,
	"model" jsonb,
	"model_examples" integer DEFAULT 0 NOT NULL,
	"scanned_through" uuid DEFAULT '00000000-0000-0000-0000-000000000000' NOT NULL,
	"reanalysis_started_at" timestamp with time zone,
	"reanalysis_finished_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "text_analysis_state_org_id_pk" PRIMARY KEY("org_id")
);
--> statement-breakpoint
CREATE TABLE "text_insights" (
	"org_id" uuid NOT NULL,
	"response_id" uuid NOT NULL,
	"question_id" uuid NOT NULL,
	"language" text NOT NULL,
	"sentiment" text NOT NULL,
	"score" double precision NOT NULL,
	"topics" text[] NOT NULL,
	"truncated" boolean DEFAULT false NOT NULL,
	"warning" text,
	"taxonomy_version" integer NOT NULL,
	"analyser_version" text NOT NULL,
	"analysed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "text_insights_org_id_response_id_question_id_pk" PRIMARY KEY("org_id","response_id","question_id"),
	CONSTRAINT "text_insights_sentiment" CHECK ("text_insights"."sentiment" in ('positive', 'neutral', 'negative'))
);
--> statement-breakpoint
CREATE TABLE "text_topic_examples" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"text" text NOT NULL,
	"language" text,
	"topics" text[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "text_topic_examples_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "text_topics" (
	"org_id" uuid NOT NULL,
	"id" text NOT NULL,
	"label" text,
	"keywords" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "text_topics_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "text_topics_id" CHECK ("text_topics"."id" ~ '^[a-z][a-z0-9_]{0,62}$')
);
--> statement-breakpoint
ALTER TABLE "feedback_texts" ADD CONSTRAINT "feedback_texts_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_texts" ADD CONSTRAINT "feedback_texts_org_id_unit_id_units_org_id_id_fk" FOREIGN KEY ("org_id","unit_id") REFERENCES "public"."units"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_texts" ADD CONSTRAINT "feedback_texts_org_id_touchpoint_id_touchpoints_org_id_id_fk" FOREIGN KEY ("org_id","touchpoint_id") REFERENCES "public"."touchpoints"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "text_analysis_state" ADD CONSTRAINT "text_analysis_state_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "text_insights" ADD CONSTRAINT "text_insights_org_id_response_id_question_id_answers_org_id_response_id_question_id_fk" FOREIGN KEY ("org_id","response_id","question_id") REFERENCES "public"."answers"("org_id","response_id","question_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "text_topic_examples" ADD CONSTRAINT "text_topic_examples_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "text_topics" ADD CONSTRAINT "text_topics_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "feedback_texts_org_time" ON "feedback_texts" USING btree ("org_id","occurred_at");--> statement-breakpoint
CREATE INDEX "feedback_texts_unanalysed" ON "feedback_texts" USING btree ("org_id","id") WHERE "feedback_texts"."analysed_at" is null;