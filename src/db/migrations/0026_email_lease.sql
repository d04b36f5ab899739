ALTER TABLE "notifications" ADD COLUMN "email_lease_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "email_message_id" text;--> statement-breakpoint
CREATE INDEX "notifications_email_unsent" ON "notifications" USING btree ("org_id","user_id") WHERE email_sent_at is null;