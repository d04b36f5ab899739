ALTER TABLE "churn_scores" DROP CONSTRAINT "churn_scores_org_id_model_id_churn_models_org_id_id_fk";
--> statement-breakpoint
ALTER TABLE "churn_scores" DROP CONSTRAINT "churn_scores_org_id_contact_id_contacts_org_id_id_fk";
