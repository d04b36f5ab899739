CREATE TYPE "public"."churn_model_status" AS ENUM('queued', 'running', 'done', 'failed');--> statement-breakpoint
CREATE TABLE "benchmarks" (
	"org_id" uuid NOT NULL,
	"industry" text NOT NULL,
	"metric" text NOT NULL,
	"period" text NOT NULL,
	"n" integer,
	"mean" double precision,
	"percentiles" jsonb NOT NULL,
	"source" text,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "benchmarks_org_id_industry_metric_period_pk" PRIMARY KEY("org_id","industry","metric","period")
);
--> statement-breakpoint
CREATE TABLE "churn_models" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"status" "churn_model_status" DEFAULT 'queued' NOT NULL,
	"progress" smallint DEFAULT 0 NOT NULL,
	"stage" text,
	"options" jsonb NOT NULL,
	"trigger" text DEFAULT 'api' NOT NULL,
	"requested_by" uuid,
	"model" jsonb,
	"quality" jsonb,
	"auc" double precision,
	"trained_on" integer,
	"scored" integer,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	CONSTRAINT "churn_models_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "churn_scores" (
	"org_id" uuid NOT NULL,
	"model_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"risk" double precision NOT NULL,
	CONSTRAINT "churn_scores_org_id_model_id_contact_id_pk" PRIMARY KEY("org_id","model_id","contact_id")
);
--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "industry" text;--> statement-breakpoint
ALTER TABLE "benchmarks" ADD CONSTRAINT "benchmarks_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "churn_models" ADD CONSTRAINT "churn_models_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "churn_scores" ADD CONSTRAINT "churn_scores_org_id_model_id_churn_models_org_id_id_fk" FOREIGN KEY ("org_id","model_id") REFERENCES "public"."churn_models"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "churn_scores" ADD CONSTRAINT "churn_scores_org_id_contact_id_contacts_org_id_id_fk" FOREIGN KEY ("org_id","contact_id") REFERENCES "public"."contacts"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "churn_models_org_created" ON "churn_models" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "churn_scores_org_model_risk" ON "churn_scores" USING btree ("org_id","model_id","risk" DESC NULLS LAST,"contact_id");