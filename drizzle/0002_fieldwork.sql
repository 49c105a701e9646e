CREATE TABLE "job_keys" (
	"queue" text NOT NULL,
	"key" text NOT NULL,
	"job_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "job_keys_queue_key_pk" PRIMARY KEY("queue","key")
);
--> statement-breakpoint
CREATE TABLE "frame_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"wave_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"rows_imported" integer NOT NULL,
	"rows_rejected" integer NOT NULL,
	"report" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "frame_persons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"wave_id" uuid NOT NULL,
	"import_id" uuid,
	"target_group" text NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"role" text NOT NULL,
	"organisation_id" uuid NOT NULL,
	"layer" text NOT NULL,
	"province_code" text,
	"size_class" text,
	"gender" text,
	"age_group" text,
	"strata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"opted_out_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"wave_id" uuid NOT NULL,
	"frame_person_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"status" text DEFAULT 'not_started' NOT NULL,
	"invited_at" timestamp with time zone,
	"reminders_sent" integer DEFAULT 0 NOT NULL,
	"last_reminded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wave_questionnaires" (
	"wave_id" uuid NOT NULL,
	"target_group" text NOT NULL,
	"questionnaire_version_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "waves" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"anonymity" text DEFAULT 'anonymous' NOT NULL,
	"fieldwork_start" date,
	"fieldwork_end" date,
	"reminder_days" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"mail_templates" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"opened_at" timestamp with time zone,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "response_recodes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"response_id" uuid NOT NULL,
	"item_code" text NOT NULL,
	"original_text" text NOT NULL,
	"recoded_to" text NOT NULL,
	"recoded_by" uuid,
	"recoded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"wave_id" uuid NOT NULL,
	"target_group" text NOT NULL,
	"questionnaire_version_id" uuid NOT NULL,
	"resume_key_hash" text NOT NULL,
	"strata" jsonb NOT NULL,
	"organisation_id" uuid,
	"frame_person_id" uuid,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'in_progress' NOT NULL,
	"current_section" integer DEFAULT 0 NOT NULL,
	"started_on" date NOT NULL,
	"completed_on" date,
	"revision" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "frame_imports" ADD CONSTRAINT "frame_imports_wave_id_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."waves"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "frame_persons" ADD CONSTRAINT "frame_persons_wave_id_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."waves"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "frame_persons" ADD CONSTRAINT "frame_persons_import_id_frame_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."frame_imports"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_wave_id_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."waves"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_frame_person_id_frame_persons_id_fk" FOREIGN KEY ("frame_person_id") REFERENCES "public"."frame_persons"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wave_questionnaires" ADD CONSTRAINT "wave_questionnaires_wave_id_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."waves"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "response_recodes" ADD CONSTRAINT "response_recodes_response_id_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."responses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "responses" ADD CONSTRAINT "responses_wave_id_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."waves"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "frame_persons_email_uq" ON "frame_persons" USING btree ("wave_id","target_group",lower("email"));--> statement-breakpoint
CREATE INDEX "frame_persons_wave_idx" ON "frame_persons" USING btree ("wave_id","target_group");--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_token_uq" ON "invitations" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "invitations_person_uq" ON "invitations" USING btree ("frame_person_id");--> statement-breakpoint
CREATE INDEX "invitations_wave_idx" ON "invitations" USING btree ("wave_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "wave_questionnaires_uq" ON "wave_questionnaires" USING btree ("wave_id","target_group");--> statement-breakpoint
CREATE UNIQUE INDEX "waves_code_uq" ON "waves" USING btree ("code");--> statement-breakpoint
CREATE INDEX "response_recodes_resp_idx" ON "response_recodes" USING btree ("response_id","item_code");--> statement-breakpoint
CREATE UNIQUE INDEX "responses_resume_uq" ON "responses" USING btree ("resume_key_hash");--> statement-breakpoint
CREATE INDEX "responses_wave_idx" ON "responses" USING btree ("wave_id","status");