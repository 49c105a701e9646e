CREATE TABLE "incident_deletion_log" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"incident_id" uuid NOT NULL,
	"closed_at" timestamp with time zone,
	"purged_at" timestamp with time zone DEFAULT now() NOT NULL,
	"removed" text[] DEFAULT '{}'::text[] NOT NULL
);
--> statement-breakpoint
ALTER TABLE "incident_settings" ADD COLUMN "retention_years" integer DEFAULT 5 NOT NULL;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "purged_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "incident_deletion_log_org_idx" ON "incident_deletion_log" USING btree ("organisation_id","purged_at");