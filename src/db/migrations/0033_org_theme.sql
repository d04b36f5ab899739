CREATE TABLE "org_themes" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"brand_color" text,
	"logo" "bytea",
	"logo_type" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "org_themes_color" CHECK ("org_themes"."brand_color" ~ '^#[0-9a-f]{6}$'),
	CONSTRAINT "org_themes_logo_type" CHECK ("org_themes"."logo_type" in ('image/png', 'image/jpeg', 'image/svg+xml')),
	CONSTRAINT "org_themes_logo_pair" CHECK (("org_themes"."logo" is null) = ("org_themes"."logo_type" is null)),
	CONSTRAINT "org_themes_logo_size" CHECK (octet_length("org_themes"."logo") <= 204800)
);
--> statement-breakpoint
ALTER TABLE "org_themes" ADD CONSTRAINT "org_themes_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Row-level security as every tenant table has (0023_rls.sql).
alter table org_themes enable row level security;
--> statement-breakpoint
alter table org_themes force row level security;
--> statement-breakpoint
create policy tenant_isolation on org_themes as permissive for all to public
  using (org_id = (select nullif(current_setting('kaiku.org_id', true), '')::uuid)
         or (select coalesce(current_setting('kaiku.system', true), '') = 'on'))
  with check (org_id = (select nullif(current_setting('kaiku.org_id', true), '')::uuid)
         or (select coalesce(current_setting('kaiku.system', true), '') = 'on'));
