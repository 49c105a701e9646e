CREATE TABLE "incident_concerned_contacts" (
	"incident_id" uuid PRIMARY KEY NOT NULL,
	"contact_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incident_contact_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contact_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "incident_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incident_deletion_log" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"incident_id" uuid NOT NULL,
	"closed_at" timestamp with time zone,
	"purged_at" timestamp with time zone DEFAULT now() NOT NULL,
	"removed" text[] DEFAULT '{}'::text[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incident_evidence" (
	"id" uuid PRIMARY KEY NOT NULL,
	"incident_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"wrapped_key" text NOT NULL,
	"sealed" "bytea" NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "incident_perpetrator_names" ADD COLUMN "perpetrator_key" text;--> statement-breakpoint
ALTER TABLE "incident_settings" ADD COLUMN "retention_years" integer DEFAULT 5 NOT NULL;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "purged_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "incident_concerned_contacts" ADD CONSTRAINT "incident_concerned_contacts_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_concerned_contacts" ADD CONSTRAINT "incident_concerned_contacts_contact_id_incident_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."incident_contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_contact_links" ADD CONSTRAINT "incident_contact_links_contact_id_incident_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."incident_contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_contacts" ADD CONSTRAINT "incident_contacts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_evidence" ADD CONSTRAINT "incident_evidence_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "incident_contact_links_token_uq" ON "incident_contact_links" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "incident_contact_links_contact_idx" ON "incident_contact_links" USING btree ("contact_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "incident_contacts_org_email_uq" ON "incident_contacts" USING btree ("organisation_id","email");--> statement-breakpoint
CREATE INDEX "incident_contacts_email_idx" ON "incident_contacts" USING btree ("email");--> statement-breakpoint
CREATE INDEX "incident_deletion_log_org_idx" ON "incident_deletion_log" USING btree ("organisation_id","purged_at");--> statement-breakpoint
CREATE INDEX "incident_evidence_incident_idx" ON "incident_evidence" USING btree ("incident_id","created_at");--> statement-breakpoint
CREATE INDEX "incident_perpetrator_names_key_idx" ON "incident_perpetrator_names" USING btree ("perpetrator_key");