DROP INDEX "responses_org_touchpoint";--> statement-breakpoint
CREATE INDEX "responses_org_touchpoint_time" ON "responses" USING btree ("org_id","touchpoint_id","submitted_at");--> statement-breakpoint
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_scopes_known" CHECK (cardinality("api_keys"."scopes") > 0 and "api_keys"."scopes" <@ array['read', 'write', 'admin']::text[]);