CREATE TABLE "item_codes" (
	"code" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"fingerprint" text NOT NULL,
	"meaning" jsonb NOT NULL,
	"first_questionnaire_id" uuid NOT NULL,
	"first_questionnaire_code" text NOT NULL,
	"first_version" integer NOT NULL,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "questionnaire_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"questionnaire_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"definition" jsonb NOT NULL,
	"source" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text,
	"published_at" timestamp with time zone,
	"published_by" text
);
--> statement-breakpoint
CREATE TABLE "questionnaires" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"title_nl" text NOT NULL,
	"title_en" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "item_codes" ADD CONSTRAINT "item_codes_first_questionnaire_id_questionnaires_id_fk" FOREIGN KEY ("first_questionnaire_id") REFERENCES "public"."questionnaires"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "questionnaire_versions" ADD CONSTRAINT "questionnaire_versions_questionnaire_id_questionnaires_id_fk" FOREIGN KEY ("questionnaire_id") REFERENCES "public"."questionnaires"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "questionnaire_versions_uq" ON "questionnaire_versions" USING btree ("questionnaire_id","version");--> statement-breakpoint
CREATE INDEX "questionnaire_versions_status_idx" ON "questionnaire_versions" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "questionnaires_code_uq" ON "questionnaires" USING btree ("code");--> statement-breakpoint
-- A published questionnaire version is immutable: its definition, number and status never change
-- and it cannot be deleted (the service refuses too; this is the guard underneath).
CREATE OR REPLACE FUNCTION questionnaire_versions_guard() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.status = 'published' THEN
      RAISE EXCEPTION 'questionnaire version % is published and cannot be deleted', OLD.id
        USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD.status = 'published' AND (
       NEW.definition IS DISTINCT FROM OLD.definition
    OR NEW.status IS DISTINCT FROM OLD.status
    OR NEW.version IS DISTINCT FROM OLD.version
    OR NEW.questionnaire_id IS DISTINCT FROM OLD.questionnaire_id
    OR NEW.published_at IS DISTINCT FROM OLD.published_at) THEN
    RAISE EXCEPTION 'questionnaire version % is published and cannot change', OLD.id
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER questionnaire_versions_immutable BEFORE UPDATE OR DELETE ON questionnaire_versions
  FOR EACH ROW EXECUTE FUNCTION questionnaire_versions_guard();
