CREATE TABLE "incident_assignments" (
	"incident_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"assigned_at" timestamp with time zone DEFAULT now() NOT NULL,
	"assigned_by" uuid,
	CONSTRAINT "incident_assignments_incident_id_user_id_pk" PRIMARY KEY("incident_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "incident_measures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"incident_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"decided_on" date NOT NULL,
	"note" text,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incident_perpetrator_names" (
	"incident_id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incident_settings" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"first_contact_working_days" integer DEFAULT 1 NOT NULL,
	"police_report_working_days" integer DEFAULT 2 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incident_state_changes" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"incident_id" uuid NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"actor_id" uuid,
	"actor_label" text NOT NULL,
	"note" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incident_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"incident_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text,
	"due_on" date NOT NULL,
	"done_at" timestamp with time zone,
	"done_by" uuid,
	"reminded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incidents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"reporter_user_id" uuid NOT NULL,
	"concerned_user_id" uuid,
	"reporter_relation" text,
	"concerned_name" text,
	"concerned_role" text,
	"occurred_on" date,
	"occurred_time" text,
	"recurrence" text,
	"location" text,
	"channel" text,
	"channel_detail" text,
	"forms" text[] DEFAULT '{}'::text[] NOT NULL,
	"traits" text[] DEFAULT '{}'::text[] NOT NULL,
	"perpetrator_known" text,
	"perpetrator_kind" text,
	"perpetrator_description" text,
	"severity" text,
	"consequences" text[] DEFAULT '{}'::text[] NOT NULL,
	"description" text,
	"police_contacted" boolean DEFAULT false NOT NULL,
	"aangifte_made" boolean DEFAULT false NOT NULL,
	"aangifte_wanted" boolean DEFAULT false NOT NULL,
	"wants_contact" boolean DEFAULT false NOT NULL,
	"wants_support" boolean DEFAULT false NOT NULL,
	"wants_aftercare" boolean DEFAULT false NOT NULL,
	"referral_consent_on" date,
	"referred_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "incident_assignments" ADD CONSTRAINT "incident_assignments_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_measures" ADD CONSTRAINT "incident_measures_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_perpetrator_names" ADD CONSTRAINT "incident_perpetrator_names_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_settings" ADD CONSTRAINT "incident_settings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_state_changes" ADD CONSTRAINT "incident_state_changes_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_tasks" ADD CONSTRAINT "incident_tasks_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "incident_assignments_user_idx" ON "incident_assignments" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "incident_measures_incident_idx" ON "incident_measures" USING btree ("incident_id");--> statement-breakpoint
CREATE INDEX "incident_state_changes_incident_idx" ON "incident_state_changes" USING btree ("incident_id","seq");--> statement-breakpoint
CREATE INDEX "incident_tasks_incident_idx" ON "incident_tasks" USING btree ("incident_id");--> statement-breakpoint
CREATE INDEX "incident_tasks_open_due_idx" ON "incident_tasks" USING btree ("due_on") WHERE done_at is null;--> statement-breakpoint
CREATE INDEX "incidents_org_state_idx" ON "incidents" USING btree ("organisation_id","state","submitted_at");--> statement-breakpoint
CREATE INDEX "incidents_reporter_idx" ON "incidents" USING btree ("reporter_user_id");