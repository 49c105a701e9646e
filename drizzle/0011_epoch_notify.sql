-- Every change of an epoch counter (auth_epoch, registry_epoch) is announced on the channel
-- "weerbaar_epochs", at commit. The embedded database (PGlite, one process by the data directory lock)
-- delivers it to the process before the committing statement returns, so that process keeps the
-- counters in memory and reads them only after an announcement (src/platform/db/epochs.ts). On a
-- PostgreSQL server the counters are read as before; the announcement costs next to nothing there.
CREATE FUNCTION "epochs_announce"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	PERFORM pg_notify('weerbaar_epochs', TG_TABLE_NAME);
	RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "auth_epoch_announce" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "auth_epoch" FOR EACH STATEMENT EXECUTE FUNCTION "epochs_announce"();
--> statement-breakpoint
CREATE TRIGGER "registry_epoch_announce" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "registry_epoch" FOR EACH STATEMENT EXECUTE FUNCTION "epochs_announce"();
