ALTER TABLE "score_histogram_deltas" ADD COLUMN "score_0" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "score_histogram_deltas" ADD COLUMN "score_1" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "score_histogram_deltas" ADD COLUMN "score_2" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "score_histogram_deltas" ADD COLUMN "score_3" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "score_histogram_deltas" ADD COLUMN "score_4" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "score_histogram_deltas" ADD COLUMN "score_5" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "score_histogram_deltas" ADD COLUMN "score_6" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "score_histogram_deltas" ADD COLUMN "score_7" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "score_histogram_deltas" ADD COLUMN "score_8" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "score_histogram_deltas" ADD COLUMN "score_9" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "score_histogram_deltas" ADD COLUMN "score_10" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "score_histogram_deltas" ADD COLUMN "dont_know" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "score_histogram_deltas" DROP COLUMN "score";--> statement-breakpoint
ALTER TABLE "score_histogram_deltas" DROP COLUMN "count";