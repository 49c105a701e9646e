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
ALTER TABLE "incident_concerned_contacts" ADD CONSTRAINT "incident_concerned_contacts_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_concerned_contacts" ADD CONSTRAINT "incident_concerned_contacts_contact_id_incident_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."incident_contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_contact_links" ADD CONSTRAINT "incident_contact_links_contact_id_incident_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."incident_contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_contacts" ADD CONSTRAINT "incident_contacts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "incident_contact_links_token_uq" ON "incident_contact_links" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "incident_contact_links_contact_idx" ON "incident_contact_links" USING btree ("contact_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "incident_contacts_org_email_uq" ON "incident_contacts" USING btree ("organisation_id","email");--> statement-breakpoint
CREATE INDEX "incident_contacts_email_idx" ON "incident_contacts" USING btree ("email");