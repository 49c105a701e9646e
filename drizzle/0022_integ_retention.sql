ALTER TABLE "integrity_messages" ALTER COLUMN "sealed" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "integrity_reports" ALTER COLUMN "receipt_wrapped_key" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "integrity_channels" ADD COLUMN "retention_months" integer DEFAULT 12 NOT NULL;--> statement-breakpoint
ALTER TABLE "integrity_register" ADD COLUMN "content_destroyed_at" timestamp with time zone;