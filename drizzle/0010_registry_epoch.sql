-- A counter that moves whenever the registry of organisations changes (any insert, update, delete or
-- truncate of "organisations", also by plain SQL). Processes cache registry lists per query together
-- with the counter they were read at (src/platform/orgs/list-cache.ts) and use a cached list only
-- while the counter has not moved, so a change is seen by the next request in every process. The
-- counter is read together with auth_epoch in one tiny query (src/platform/db/epochs.ts).
CREATE TABLE "registry_epoch" (
	"id" boolean PRIMARY KEY DEFAULT true NOT NULL CHECK ("id"),
	"n" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
INSERT INTO "registry_epoch" ("id", "n") VALUES (true, 0);
--> statement-breakpoint
CREATE FUNCTION "registry_epoch_bump"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE "registry_epoch" SET "n" = "n" + 1;
	RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "organisations_registry_epoch" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "organisations" FOR EACH STATEMENT EXECUTE FUNCTION "registry_epoch_bump"();
