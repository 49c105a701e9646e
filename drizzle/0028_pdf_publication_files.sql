CREATE TABLE "results_publication_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"wave_id" uuid NOT NULL,
	"render_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"key" text NOT NULL,
	"lang" text NOT NULL,
	"format" text NOT NULL,
	"title" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"sha256" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"pages" integer,
	"content" "bytea" NOT NULL,
	"current" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "results_publication_renders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"wave_id" uuid NOT NULL,
	"kind" text,
	"langs" jsonb NOT NULL,
	"pdf" boolean NOT NULL,
	"run_id" uuid,
	"state" text DEFAULT 'queued' NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"requested_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "results_publication_files" ADD CONSTRAINT "results_publication_files_wave_id_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."waves"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "results_publication_files" ADD CONSTRAINT "results_publication_files_render_id_results_publication_renders_id_fk" FOREIGN KEY ("render_id") REFERENCES "public"."results_publication_renders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "results_publication_renders" ADD CONSTRAINT "results_publication_renders_wave_id_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."waves"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "results_publication_renders" ADD CONSTRAINT "results_publication_renders_run_id_results_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."results_runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "results_publication_files_current_uq" ON "results_publication_files" USING btree ("wave_id","kind","key","lang","format") WHERE "results_publication_files"."current";--> statement-breakpoint
CREATE UNIQUE INDEX "results_publication_files_staged_uq" ON "results_publication_files" USING btree ("render_id","kind","key","lang","format");--> statement-breakpoint
CREATE INDEX "results_publication_renders_wave_idx" ON "results_publication_renders" USING btree ("wave_id","created_at");