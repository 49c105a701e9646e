CREATE TABLE "results_texts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"wave_id" uuid,
	"kind" text NOT NULL,
	"section" text NOT NULL,
	"lang" text NOT NULL,
	"version" integer NOT NULL,
	"body" text NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "results_texts_version_uq" UNIQUE NULLS NOT DISTINCT("wave_id","kind","section","lang","version")
);
--> statement-breakpoint
ALTER TABLE "results_texts" ADD CONSTRAINT "results_texts_wave_id_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."waves"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "results_texts_lookup_idx" ON "results_texts" USING btree ("kind","section","lang");