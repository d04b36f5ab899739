ALTER TABLE "survey_waves" ALTER COLUMN "quarter" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "survey_waves" ALTER COLUMN "cohort" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "survey_waves" ADD CONSTRAINT "survey_waves_quarter_cohort" CHECK (("survey_waves"."quarter" is null) = ("survey_waves"."cohort" is null));