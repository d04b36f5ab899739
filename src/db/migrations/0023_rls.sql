-- Row-level security: the second wall of tenant isolation (issue 9; docs/security.md).
-- Every table with org_id, and organizations by its id, shows and accepts only the rows of the
-- organisation in the connection's setting kaiku.org_id, or every row when kaiku.system = 'on'
-- (jobs over all organisations, sign-in and token lookups before the organisation is known).
-- Neither set: no rows. FORCE makes the rule hold for the tables' owner too; superusers always
-- bypass it, so the app switches to the role kaiku_app (no superuser, no BYPASSRLS) for
-- organisation-scoped work when it connects as one (src/db/connection.ts).
-- The settings are read in sub-selects so they are evaluated once per statement, not per row.
do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'kaiku_app') then
    begin
      create role kaiku_app nologin nosuperuser nobypassrls;
    exception
      -- Another database on the same server migrating at the same moment created it.
      when duplicate_object or unique_violation then null;
      -- A user without CREATEROLE: not needed, as such a user is not a superuser and FORCE
      -- already subjects the tables' owner to the policies.
      when insufficient_privilege then raise notice 'role kaiku_app not created: %', sqlerrm;
    end;
  end if;
end $$;
--> statement-breakpoint
do $$
begin
  if exists (select 1 from pg_roles where rolname = 'kaiku_app') then
    grant usage on schema public to kaiku_app;
    -- No TRUNCATE: it would bypass the policies.
    grant select, insert, update, delete on all tables in schema public to kaiku_app;
    grant usage, select, update on all sequences in schema public to kaiku_app;
    alter default privileges in schema public grant select, insert, update, delete on tables to kaiku_app;
    alter default privileges in schema public grant usage, select, update on sequences to kaiku_app;
  end if;
end $$;
--> statement-breakpoint
do $$
declare
  tenant_table text;
begin
  for tenant_table in
    select c.table_name from information_schema.columns c
      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
     where c.table_schema = 'public' and c.column_name = 'org_id' and t.table_type = 'BASE TABLE'
  loop
    execute format('alter table %I enable row level security', tenant_table);
    execute format('alter table %I force row level security', tenant_table);
    execute format($policy$
      create policy tenant_isolation on %I as permissive for all to public
        using (org_id = (select nullif(current_setting('kaiku.org_id', true), '')::uuid)
               or (select coalesce(current_setting('kaiku.system', true), '') = 'on'))
        with check (org_id = (select nullif(current_setting('kaiku.org_id', true), '')::uuid)
               or (select coalesce(current_setting('kaiku.system', true), '') = 'on'))$policy$, tenant_table);
  end loop;
end $$;
--> statement-breakpoint
alter table organizations enable row level security;
--> statement-breakpoint
alter table organizations force row level security;
--> statement-breakpoint
create policy tenant_isolation on organizations as permissive for all to public
  using (id = (select nullif(current_setting('kaiku.org_id', true), '')::uuid)
         or (select coalesce(current_setting('kaiku.system', true), '') = 'on'))
  with check (id = (select nullif(current_setting('kaiku.org_id', true), '')::uuid)
         or (select coalesce(current_setting('kaiku.system', true), '') = 'on'));
