CREATE TABLE "completion_days" (
	"wave_id" uuid NOT NULL,
	"day" date NOT NULL,
	"cell" text NOT NULL,
	"completed" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "completion_days" ADD CONSTRAINT "completion_days_wave_id_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."waves"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "completion_days_uq" ON "completion_days" USING btree ("wave_id","cell","day");