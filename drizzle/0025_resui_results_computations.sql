CREATE TABLE "results_computations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"wave_id" uuid NOT NULL,
	"state" text DEFAULT 'queued' NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"step" jsonb,
	"options" jsonb NOT NULL,
	"run_id" uuid,
	"error" jsonb,
	"requested_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "results_computations" ADD CONSTRAINT "results_computations_wave_id_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."waves"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "results_computations" ADD CONSTRAINT "results_computations_run_id_results_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."results_runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "results_computations_wave_idx" ON "results_computations" USING btree ("wave_id","created_at");