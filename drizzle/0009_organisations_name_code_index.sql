DROP INDEX "organisations_name_idx";--> statement-breakpoint
CREATE INDEX "organisations_name_idx" ON "organisations" USING btree (lower("name"),"code");