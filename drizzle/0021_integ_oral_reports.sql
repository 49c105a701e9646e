ALTER TABLE "integrity_reports" ADD COLUMN "oral_signed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "integrity_reports" ADD COLUMN "oral_signature_sealed" text;