CREATE TABLE "integrity_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"message_id" uuid,
	"author" text NOT NULL,
	"meta_sealed" text,
	"data_sealed" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "integrity_messages" ALTER COLUMN "sealed" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "integrity_reports" ALTER COLUMN "receipt_wrapped_key" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "integrity_channels" ADD COLUMN "retention_months" integer DEFAULT 12 NOT NULL;--> statement-breakpoint
ALTER TABLE "integrity_register" ADD COLUMN "content_destroyed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "integrity_reports" ADD COLUMN "oral_signed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "integrity_reports" ADD COLUMN "oral_signature_sealed" text;--> statement-breakpoint
ALTER TABLE "integrity_attachments" ADD CONSTRAINT "integrity_attachments_report_id_integrity_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."integrity_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "integrity_attachments" ADD CONSTRAINT "integrity_attachments_message_id_integrity_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."integrity_messages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "integrity_attachments_report_idx" ON "integrity_attachments" USING btree ("report_id","created_at");