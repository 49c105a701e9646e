CREATE TABLE "results_indicators" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"version" integer NOT NULL,
	"target_group" text NOT NULL,
	"theme" text NOT NULL,
	"definition" jsonb NOT NULL,
	"builtin" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "results_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"wave_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"weighting_runs" jsonb NOT NULL,
	"indicators" jsonb NOT NULL,
	"estimates" jsonb NOT NULL,
	"released_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "results_weighting_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"wave_id" uuid NOT NULL,
	"target_group" text NOT NULL,
	"version" integer NOT NULL,
	"options" jsonb NOT NULL,
	"design" jsonb NOT NULL,
	"report" jsonb NOT NULL,
	"weights" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "results_runs" ADD CONSTRAINT "results_runs_wave_id_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."waves"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "results_weighting_runs" ADD CONSTRAINT "results_weighting_runs_wave_id_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."waves"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "results_indicators_code_version_uq" ON "results_indicators" USING btree ("code","version");--> statement-breakpoint
CREATE UNIQUE INDEX "results_runs_uq" ON "results_runs" USING btree ("wave_id","version");--> statement-breakpoint
CREATE INDEX "results_runs_wave_idx" ON "results_runs" USING btree ("wave_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "results_weighting_runs_uq" ON "results_weighting_runs" USING btree ("wave_id","target_group","version");