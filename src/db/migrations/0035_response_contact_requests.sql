CREATE TABLE "response_contact_requests" (
	"org_id" uuid NOT NULL,
	"response_id" uuid NOT NULL,
	"email" text,
	"phone" text,
	"consented_at" timestamp with time zone NOT NULL,
	CONSTRAINT "response_contact_requests_org_id_response_id_pk" PRIMARY KEY("org_id","response_id"),
	CONSTRAINT "response_contact_requests_address" CHECK ("response_contact_requests"."email" is not null or "response_contact_requests"."phone" is not null)
);
--> statement-breakpoint
ALTER TABLE "surveys" ADD COLUMN "ask_contact_consent" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "response_contact_requests" ADD CONSTRAINT "response_contact_requests_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "response_contact_requests_email" ON "response_contact_requests" USING btree ("org_id","email");--> statement-breakpoint
-- Row-level security as every tenant table has (0023_rls.sql).
alter table response_contact_requests enable row level security;
--> statement-breakpoint
alter table response_contact_requests force row level security;
--> statement-breakpoint
create policy tenant_isolation on response_contact_requests as permissive for all to public
  using (org_id = (select nullif(current_setting('kaiku.org_id', true), '')::uuid)
         or (select coalesce(current_setting('kaiku.system', true), '') = 'on'))
  with check (org_id = (select nullif(current_setting('kaiku.org_id', true), '')::uuid)
         or (select coalesce(current_setting('kaiku.system', true), '') = 'on'));
