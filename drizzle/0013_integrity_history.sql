CREATE TABLE "integrity_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "integrity_history_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"report_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_user_id" uuid,
	"kind" text NOT NULL,
	"from_state" text,
	"to_state" text,
	"outcome" text,
	"note_sealed" text
);
--> statement-breakpoint
ALTER TABLE "integrity_history" ADD CONSTRAINT "integrity_history_report_id_integrity_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."integrity_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integrity_history" ADD CONSTRAINT "integrity_history_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integrity_history" ADD CONSTRAINT "integrity_history_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "integrity_history_report_idx" ON "integrity_history" USING btree ("report_id","seq");