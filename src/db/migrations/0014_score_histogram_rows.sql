CREATE TABLE "score_histogram_days" (
	"org_id" uuid NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "score_histogram_days_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"question_id" uuid NOT NULL,
	"unit_id" uuid,
	"touchpoint_id" uuid,
	"channel" "channel",
	"survey_id" uuid NOT NULL,
	"score_0" integer DEFAULT 0 NOT NULL,
	"score_1" integer DEFAULT 0 NOT NULL,
	"score_2" integer DEFAULT 0 NOT NULL,
	"score_3" integer DEFAULT 0 NOT NULL,
	"score_4" integer DEFAULT 0 NOT NULL,
	"score_5" integer DEFAULT 0 NOT NULL,
	"score_6" integer DEFAULT 0 NOT NULL,
	"score_7" integer DEFAULT 0 NOT NULL,
	"score_8" integer DEFAULT 0 NOT NULL,
	"score_9" integer DEFAULT 0 NOT NULL,
	"score_10" integer DEFAULT 0 NOT NULL,
	"dont_know" integer DEFAULT 0 NOT NULL,
	"day" date NOT NULL,
	CONSTRAINT "score_histogram_days_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "score_histogram_days_group" UNIQUE NULLS NOT DISTINCT("org_id","question_id","unit_id","day","touchpoint_id","channel","survey_id")
);
--> statement-breakpoint
CREATE TABLE "score_histogram_months" (
	"org_id" uuid NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "score_histogram_months_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"question_id" uuid NOT NULL,
	"unit_id" uuid,
	"touchpoint_id" uuid,
	"channel" "channel",
	"survey_id" uuid NOT NULL,
	"score_0" integer DEFAULT 0 NOT NULL,
	"score_1" integer DEFAULT 0 NOT NULL,
	"score_2" integer DEFAULT 0 NOT NULL,
	"score_3" integer DEFAULT 0 NOT NULL,
	"score_4" integer DEFAULT 0 NOT NULL,
	"score_5" integer DEFAULT 0 NOT NULL,
	"score_6" integer DEFAULT 0 NOT NULL,
	"score_7" integer DEFAULT 0 NOT NULL,
	"score_8" integer DEFAULT 0 NOT NULL,
	"score_9" integer DEFAULT 0 NOT NULL,
	"score_10" integer DEFAULT 0 NOT NULL,
	"dont_know" integer DEFAULT 0 NOT NULL,
	"month" date NOT NULL,
	CONSTRAINT "score_histogram_months_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "score_histogram_months_group" UNIQUE NULLS NOT DISTINCT("org_id","question_id","unit_id","month","touchpoint_id","channel","survey_id")
);
--> statement-breakpoint
DROP TABLE "score_histograms_day" CASCADE;--> statement-breakpoint
DROP TABLE "score_histograms_month" CASCADE;