CREATE TABLE "retention_policies" (
	"org_id" uuid NOT NULL,
	"open_text_months" integer,
	"response_months" integer,
	"inactive_contact_months" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	"last_run_at" timestamp with time zone,
	"last_run" jsonb,
	CONSTRAINT "retention_policies_org_id_pk" PRIMARY KEY("org_id"),
	CONSTRAINT "retention_open_text_months" CHECK ("retention_policies"."open_text_months" between 1 and 1200),
	CONSTRAINT "retention_response_months" CHECK ("retention_policies"."response_months" between 1 and 1200),
	CONSTRAINT "retention_inactive_contact_months" CHECK ("retention_policies"."inactive_contact_months" between 1 and 1200)
);
--> statement-breakpoint
ALTER TABLE "retention_policies" ADD CONSTRAINT "retention_policies_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;