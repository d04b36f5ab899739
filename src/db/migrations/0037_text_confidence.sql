ALTER TABLE "feedback_texts" ADD COLUMN "sentiment_confidence" double precision;--> statement-breakpoint
ALTER TABLE "feedback_texts" ADD COLUMN "low_confidence" boolean;--> statement-breakpoint
ALTER TABLE "text_insights" ADD COLUMN "sentiment_confidence" double precision;--> statement-breakpoint
ALTER TABLE "text_insights" ADD COLUMN "low_confidence" boolean;--> statement-breakpoint
ALTER TABLE "feedback_texts" ADD CONSTRAINT "feedback_texts_sentiment_confidence" CHECK ("feedback_texts"."sentiment_confidence" is null or "feedback_texts"."sentiment_confidence" between 0 and 1);--> statement-breakpoint
ALTER TABLE "text_insights" ADD CONSTRAINT "text_insights_sentiment_confidence" CHECK ("text_insights"."sentiment_confidence" is null or "text_insights"."sentiment_confidence" between 0 and 1);