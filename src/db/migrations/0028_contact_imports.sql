CREATE TABLE "contact_imports" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"created_by" uuid,
	"file_name" text NOT NULL,
	"file_kind" text NOT NULL,
	"content" "bytea",
	"columns" jsonb NOT NULL,
	"mapping" jsonb,
	"total_rows" integer NOT NULL,
	"status" text DEFAULT 'uploaded' NOT NULL,
	"rows_done" integer DEFAULT 0 NOT NULL,
	"created" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL,
	"rejected" jsonb,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "contact_imports_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "contact_imports_kind" CHECK ("contact_imports"."file_kind" in ('csv', 'xlsx')),
	CONSTRAINT "contact_imports_status" CHECK ("contact_imports"."status" in ('uploaded', 'queued', 'running', 'done', 'failed'))
);
--> statement-breakpoint
ALTER TABLE "contact_imports" ADD CONSTRAINT "contact_imports_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Row-level security as every tenant table has (0023_rls.sql).
alter table contact_imports enable row level security;
--> statement-breakpoint
alter table contact_imports force row level security;
--> statement-breakpoint
create policy tenant_isolation on contact_imports as permissive for all to public
  using (org_id = (select nullif(current_setting('kaiku.org_id', true), '')::uuid)
         or (select coalesce(current_setting('kaiku.system', true), '') = 'on'))
  with check (org_id = (select nullif(current_setting('kaiku.org_id', true), '')::uuid)
         or (select coalesce(current_setting('kaiku.system', true), '') = 'on'));
