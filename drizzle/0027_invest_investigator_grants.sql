CREATE TABLE "integrity_investigator_grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"report_id" uuid NOT NULL,
	"investigator_key_id" uuid NOT NULL,
	"investigator_user_id" uuid NOT NULL,
	"granted_by" uuid,
	"granted_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "integrity_investigator_grants" ADD CONSTRAINT "integrity_investigator_grants_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integrity_investigator_grants" ADD CONSTRAINT "integrity_investigator_grants_report_id_integrity_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."integrity_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integrity_investigator_grants" ADD CONSTRAINT "integrity_investigator_grants_investigator_key_id_integrity_handler_keys_id_fk" FOREIGN KEY ("investigator_key_id") REFERENCES "public"."integrity_handler_keys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integrity_investigator_grants" ADD CONSTRAINT "integrity_investigator_grants_investigator_user_id_users_id_fk" FOREIGN KEY ("investigator_user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integrity_investigator_grants" ADD CONSTRAINT "integrity_investigator_grants_granted_by_users_id_fk" FOREIGN KEY ("granted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "integrity_investigator_grants_user_idx" ON "integrity_investigator_grants" USING btree ("organisation_id","investigator_user_id");--> statement-breakpoint
CREATE INDEX "integrity_investigator_grants_open_idx" ON "integrity_investigator_grants" USING btree ("expires_at") WHERE "integrity_investigator_grants"."ended_at" is null;