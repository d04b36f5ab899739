CREATE TABLE "score_histogram_deltas" (
	"org_id" uuid NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "score_histogram_deltas_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"question_id" uuid NOT NULL,
	"unit_id" uuid,
	"touchpoint_id" uuid,
	"channel" "channel",
	"survey_id" uuid NOT NULL,
	"score" smallint,
	"count" integer NOT NULL,
	"bucket" timestamp with time zone NOT NULL,
	CONSTRAINT "score_histogram_deltas_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "score_histograms_day" (
	"org_id" uuid NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "score_histograms_day_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"question_id" uuid NOT NULL,
	"unit_id" uuid,
	"touchpoint_id" uuid,
	"channel" "channel",
	"survey_id" uuid NOT NULL,
	"score" smallint,
	"count" integer NOT NULL,
	"day" date NOT NULL,
	CONSTRAINT "score_histograms_day_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "score_histograms_day_group" UNIQUE NULLS NOT DISTINCT("org_id","question_id","unit_id","day","touchpoint_id","channel","survey_id","score")
);
--> statement-breakpoint
CREATE TABLE "score_histograms_month" (
	"org_id" uuid NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "score_histograms_month_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"question_id" uuid NOT NULL,
	"unit_id" uuid,
	"touchpoint_id" uuid,
	"channel" "channel",
	"survey_id" uuid NOT NULL,
	"score" smallint,
	"count" integer NOT NULL,
	"month" date NOT NULL,
	CONSTRAINT "score_histograms_month_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "score_histograms_month_group" UNIQUE NULLS NOT DISTINCT("org_id","question_id","unit_id","month","touchpoint_id","channel","survey_id","score")
);
