CREATE TABLE "integrity_channels" (
	"organisation_id" uuid PRIMARY KEY NOT NULL,
	"receipt_salt" text NOT NULL,
	"receipt_kdf" jsonb NOT NULL,
	"recovery_encryption_public" text NOT NULL,
	"recovery_signing_public" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "integrity_handler_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"encryption_public" text NOT NULL,
	"signing_public" text NOT NULL,
	"signed_by" text,
	"signature" text,
	"passphrase_sealed" jsonb NOT NULL,
	"recovery_wrapped" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
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
CREATE TABLE "integrity_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "integrity_messages_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"report_id" uuid NOT NULL,
	"author" text NOT NULL,
	"author_user_id" uuid,
	"sealed" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "integrity_register" (
	"report_id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"channel" text NOT NULL,
	"category" text NOT NULL,
	"identity_mode" text NOT NULL,
	"state" text DEFAULT 'ontvangen' NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledgement_due_at" timestamp with time zone NOT NULL,
	"feedback_at" timestamp with time zone,
	"feedback_due_at" timestamp with time zone NOT NULL,
	"outcome" text,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "integrity_report_keys" (
	"report_id" uuid NOT NULL,
	"handler_key_id" uuid NOT NULL,
	"wrapped" text NOT NULL,
	CONSTRAINT "integrity_report_keys_report_id_handler_key_id_pk" PRIMARY KEY("report_id","handler_key_id")
);
--> statement-breakpoint
CREATE TABLE "integrity_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"receipt_verifier" text NOT NULL,
	"receipt_wrapped_key" text NOT NULL,
	"content_sealed" text,
	"identity_sealed" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "integrity_session_keys" (
	"session_id" uuid NOT NULL,
	"handler_key_id" uuid NOT NULL,
	"sealed" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "integrity_session_keys_session_id_handler_key_id_pk" PRIMARY KEY("session_id","handler_key_id")
);
--> statement-breakpoint
ALTER TABLE "integrity_channels" ADD CONSTRAINT "integrity_channels_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integrity_handler_keys" ADD CONSTRAINT "integrity_handler_keys_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integrity_handler_keys" ADD CONSTRAINT "integrity_handler_keys_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integrity_history" ADD CONSTRAINT "integrity_history_report_id_integrity_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."integrity_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integrity_history" ADD CONSTRAINT "integrity_history_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integrity_history" ADD CONSTRAINT "integrity_history_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integrity_messages" ADD CONSTRAINT "integrity_messages_report_id_integrity_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."integrity_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integrity_messages" ADD CONSTRAINT "integrity_messages_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integrity_register" ADD CONSTRAINT "integrity_register_report_id_integrity_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."integrity_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integrity_register" ADD CONSTRAINT "integrity_register_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integrity_report_keys" ADD CONSTRAINT "integrity_report_keys_report_id_integrity_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."integrity_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integrity_report_keys" ADD CONSTRAINT "integrity_report_keys_handler_key_id_integrity_handler_keys_id_fk" FOREIGN KEY ("handler_key_id") REFERENCES "public"."integrity_handler_keys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integrity_reports" ADD CONSTRAINT "integrity_reports_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integrity_session_keys" ADD CONSTRAINT "integrity_session_keys_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integrity_session_keys" ADD CONSTRAINT "integrity_session_keys_handler_key_id_integrity_handler_keys_id_fk" FOREIGN KEY ("handler_key_id") REFERENCES "public"."integrity_handler_keys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "integrity_handler_keys_active_uq" ON "integrity_handler_keys" USING btree ("organisation_id","user_id") WHERE "integrity_handler_keys"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX "integrity_history_report_idx" ON "integrity_history" USING btree ("report_id","seq");--> statement-breakpoint
CREATE INDEX "integrity_messages_report_idx" ON "integrity_messages" USING btree ("report_id","seq");--> statement-breakpoint
CREATE INDEX "integrity_register_org_idx" ON "integrity_register" USING btree ("organisation_id","received_at");--> statement-breakpoint
CREATE INDEX "integrity_report_keys_key_idx" ON "integrity_report_keys" USING btree ("handler_key_id");--> statement-breakpoint
CREATE UNIQUE INDEX "integrity_reports_receipt_uq" ON "integrity_reports" USING btree ("organisation_id","receipt_verifier");