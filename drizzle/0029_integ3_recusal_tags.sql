CREATE TABLE "integrity_recusals" (
	"report_id" uuid NOT NULL,
	"tag" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "integrity_recusals_report_id_tag_pk" PRIMARY KEY("report_id","tag")
);
--> statement-breakpoint
ALTER TABLE "integrity_recusals" ADD CONSTRAINT "integrity_recusals_report_id_integrity_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."integrity_reports"("id") ON DELETE cascade ON UPDATE no action;